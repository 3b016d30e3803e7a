import { progressSchema } from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import { presentProgress } from "./progress.presenter.ts";
import type { ProgressService } from "./progress.service.ts";

export default async function progressRoutes(
  fastify: FastifyInstance,
  { service }: { service: ProgressService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/progress",
    {
      onRequest: [app.authenticate],
      schema: {
        tags: ["progress"],
        security: [{ session: [] }],
        description: "Days, milestones and money not spent per recovery, in the member's time zone.",
        response: { 200: progressSchema, ...errorResponses(401) },
      },
    },
    async (request) => presentProgress(await service.forMember(sessionOf(request))),
  );
}
