/** What the member shares with their teams' feed. */
import { sharingSchema } from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import type { TeamFeed } from "./feed.service.ts";

const docs = { tags: ["teams"], security: [{ session: [] }] };
const sharingBody = z.object({ sharing: sharingSchema });

export default async function feedRoutes(
  fastify: FastifyInstance,
  { feed }: { feed: TeamFeed },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/me/sharing",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "What the caller's teams see of their check-ins. By default: that they checked in, their day count " +
          "and milestones; mood and craving only if they opt in. Notes are never shared.",
        response: { 200: sharingBody, ...errorResponses(401) },
      },
    },
    async (request) => ({ sharing: await feed.sharingOf(sessionOf(request).memberId) }),
  );

  app.put(
    "/api/v1/me/sharing",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "Replaces the caller's sharing choices (every field is required).",
        body: sharingSchema,
        response: { 200: sharingBody, ...errorResponses(400, 401, 403, 415) },
      },
    },
    async (request) => ({ sharing: await feed.saveSharing(sessionOf(request).memberId, request.body) }),
  );
}
