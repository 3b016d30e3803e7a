import {
  withdrawalCheckInputSchema,
  withdrawalCheckSavedSchema,
  withdrawalChecksSchema,
  withdrawalRangeQuerySchema,
} from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import { presentWithdrawalCheck } from "./withdrawal.presenter.ts";
import type { WithdrawalService } from "./withdrawal.service.ts";

const docs = { tags: ["withdrawal"], security: [{ session: [] }] };

export default async function withdrawalRoutes(
  fastify: FastifyInstance,
  { service }: { service: WithdrawalService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/api/v1/withdrawal",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Records a withdrawal symptom check (each of twelve symptoms rated 0–4), stamped with the server's time and the member's local date. Several a day are fine, up to 24.",
        body: withdrawalCheckInputSchema,
        response: { 201: withdrawalCheckSavedSchema, ...errorResponses(400, 401, 403, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const saved = await service.record(sessionOf(request), request.body);
      return reply.code(201).send({ check: presentWithdrawalCheck(saved.check), support: saved.support });
    },
  );

  app.get(
    "/api/v1/withdrawal",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "The member's symptom checks dated `from` to `to` (inclusive, their local dates), oldest first; by default the last 14 days.",
        querystring: withdrawalRangeQuerySchema,
        response: { 200: withdrawalChecksSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => ({
      checks: (await service.list(sessionOf(request), request.query)).map(presentWithdrawalCheck),
    }),
  );
}
