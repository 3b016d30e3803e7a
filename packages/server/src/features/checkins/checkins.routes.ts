import {
  checkinDateParamsSchema,
  checkinInputSchema,
  checkinRangeQuerySchema,
  checkinSavedSchema,
  checkinSchema,
} from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import { presentCheckin } from "./checkins.presenter.ts";
import type { CheckinsService } from "./checkins.service.ts";

const docs = { tags: ["checkins"], security: [{ session: [] }] };

export default async function checkinsRoutes(
  fastify: FastifyInstance,
  { service }: { service: CheckinsService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.put(
    "/api/v1/checkins/:date",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Creates (201) or replaces (200) the check-in for a day. Saving the same answers again is safe.",
        params: checkinDateParamsSchema,
        body: checkinInputSchema,
        response: {
          200: checkinSavedSchema,
          201: checkinSavedSchema,
          ...errorResponses(400, 401, 403, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const saved = await service.save(sessionOf(request), request.params.date, request.body);
      return reply
        .code(saved.created ? 201 : 200)
        .send({ checkin: presentCheckin(saved.checkin), support: saved.support });
    },
  );

  app.get(
    "/api/v1/checkins",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "Check-ins from `from` to `to` (inclusive), newest first; by default the last 30 days.",
        querystring: checkinRangeQuerySchema,
        response: { 200: z.object({ checkins: z.array(checkinSchema) }), ...errorResponses(400, 401) },
      },
    },
    async (request) => ({
      checkins: (await service.list(sessionOf(request), request.query)).map(presentCheckin),
    }),
  );

  app.delete(
    "/api/v1/checkins/:date",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        params: checkinDateParamsSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.remove(sessionOf(request), request.params.date);
      return reply.code(204).send(null);
    },
  );
}
