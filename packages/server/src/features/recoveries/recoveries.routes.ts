import { recoveryInputSchema, recoveryParamsSchema, recoveryPatchSchema, recoverySchema } from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import { presentRecovery } from "./recoveries.presenter.ts";
import type { RecoveriesService } from "./recoveries.service.ts";

const docs = { tags: ["recoveries"], security: [{ session: [] }] };

export default async function recoveriesRoutes(
  fastify: FastifyInstance,
  { service }: { service: RecoveriesService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/recoveries",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        response: { 200: z.object({ recoveries: z.array(recoverySchema) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ recoveries: (await service.list(sessionOf(request))).map(presentRecovery) }),
  );

  app.post(
    "/api/v1/recoveries",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        body: recoveryInputSchema,
        response: {
          201: z.object({ recovery: recoverySchema }),
          ...errorResponses(400, 401, 403, 413, 415, 422),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ recovery: presentRecovery(await service.create(sessionOf(request), request.body)) }),
  );

  app.patch(
    "/api/v1/recoveries/:id",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        params: recoveryParamsSchema,
        body: recoveryPatchSchema,
        response: {
          200: z.object({ recovery: recoverySchema }),
          ...errorResponses(400, 401, 403, 404, 413, 415, 422),
        },
      },
    },
    async (request) => ({
      recovery: presentRecovery(await service.update(sessionOf(request), request.params.id, request.body)),
    }),
  );

  app.delete(
    "/api/v1/recoveries/:id",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        params: recoveryParamsSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.remove(sessionOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
