import {
  adherenceSchema,
  doseLogInputSchema,
  doseLogSchema,
  dueDoseSchema,
  medicationInputSchema,
  medicationParamsSchema,
  medicationPatchSchema,
  medicationSchema,
  medicationTodaySchema,
} from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import { presentMedication } from "./medications.presenter.ts";
import type { MedicationsService } from "./medications.service.ts";

const docs = { tags: ["medications"], security: [{ session: [] }] };
const one = z.object({ medication: medicationSchema });

export default async function medicationsRoutes(
  fastify: FastifyInstance,
  { service }: { service: MedicationsService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/medications",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        response: { 200: z.object({ medications: z.array(medicationSchema) }), ...errorResponses(401) },
      },
    },
    async (request) => ({
      medications: (await service.list(sessionOf(request))).map(presentMedication),
    }),
  );

  app.post(
    "/api/v1/medications",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        body: medicationInputSchema,
        response: { 201: one, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ medication: presentMedication(await service.create(sessionOf(request), request.body)) }),
  );

  app.get(
    "/api/v1/medications/today",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Today's scheduled doses on the member's calendar with their state, and clinic doses and take-home " +
          "pickups in the next 14 days.",
        response: { 200: medicationTodaySchema, ...errorResponses(401) },
      },
    },
    async (request) => service.today(sessionOf(request)),
  );

  app.get(
    "/api/v1/medications/adherence",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Doses taken on time, late, missed and not logged over the last 30 days, in total, per medication " +
          "and per day. takenPercent is null while no dose has come round yet.",
        response: { 200: adherenceSchema, ...errorResponses(401) },
      },
    },
    async (request) => service.adherence(sessionOf(request)),
  );

  app.get(
    "/api/v1/medications/:id",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        params: medicationParamsSchema,
        response: { 200: one, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      medication: presentMedication(await service.get(sessionOf(request), request.params.id)),
    }),
  );

  app.patch(
    "/api/v1/medications/:id",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        params: medicationParamsSchema,
        body: medicationPatchSchema,
        response: { 200: one, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request) => ({
      medication: presentMedication(
        await service.update(sessionOf(request), request.params.id, request.body),
      ),
    }),
  );

  app.delete(
    "/api/v1/medications/:id",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        params: medicationParamsSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.remove(sessionOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  const logged = z.object({ dose: doseLogSchema, state: dueDoseSchema });
  app.post(
    "/api/v1/medications/:id/doses",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Logs a scheduled dose (its local date and time) as taken, late or missed: 201 the first time, 200 " +
          "when it changes the status logged before. Never a second row for the same scheduled dose.",
        params: medicationParamsSchema,
        body: doseLogInputSchema,
        response: { 200: logged, 201: logged, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const result = await service.logDose(sessionOf(request), request.params.id, request.body);
      return reply.code(result.created ? 201 : 200).send({ dose: result.dose, state: result.state });
    },
  );
}
