/** `GET /api/v1/me` and `PATCH /api/v1/me`: the signed-in member's own profile, and only theirs. */
import { memberPatchSchema, memberResultSchema } from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import { presentMember } from "./members.presenter.ts";
import type { MembersService } from "./members.service.ts";

export interface MembersRoutesOptions {
  members: MembersService;
}

export default async function membersRoutes(
  app: FastifyInstance,
  { members }: MembersRoutesOptions,
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { tags: ["members"], security: [{ session: [] }] };

  routes.get(
    "/api/v1/me",
    {
      onRequest: [app.authenticate],
      schema: {
        ...common,
        summary: "The signed-in member",
        response: { 200: memberResultSchema, ...errorResponses(401) },
      },
    },
    async (request) => ({ member: presentMember(await members.get(sessionOf(request).memberId)) }),
  );

  routes.patch(
    "/api/v1/me",
    {
      onRequest: [app.authenticate],
      schema: {
        ...common,
        summary: "Change the signed-in member's time zone, display name or reasons for recovery",
        body: memberPatchSchema,
        response: { 200: memberResultSchema, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request) => ({
      member: presentMember(await members.update(sessionOf(request).memberId, request.body)),
    }),
  );
}
