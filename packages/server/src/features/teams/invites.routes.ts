/** Invites: leaders make, list and revoke them; anyone signed in joins with a code. */
import {
  inviteCreatedSchema,
  inviteCreateSchema,
  inviteParamsSchema,
  invitePreviewSchema,
  inviteSchema,
  teamIdParamsSchema,
  teamJoinSchema,
  teamSchema,
} from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import { inviteLink, presentInvite } from "./invites.presenter.ts";
import type { InvitesService } from "./invites.service.ts";
import { presentTeam } from "./teams.presenter.ts";

const docs = { tags: ["teams"], security: [{ session: [] }] };

export default async function invitesRoutes(
  fastify: FastifyInstance,
  { invites, now }: { invites: InvitesService; now: () => string },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/api/v1/teams/:id/invites",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Makes an invite code (leaders). The code is shown this once (only its hash is kept), with a link " +
          "`/join/<code>`; it stops working after `expiresInDays` (null: when revoked).",
        params: teamIdParamsSchema,
        body: inviteCreateSchema,
        response: { 201: inviteCreatedSchema, ...errorResponses(400, 401, 403, 404, 415) },
      },
    },
    async (request, reply) => {
      const { row, code } = await invites.create(
        sessionOf(request).memberId,
        request.params.id,
        request.body.expiresInDays,
      );
      return reply.code(201).send({ invite: presentInvite(row, now()), code, link: inviteLink(code) });
    },
  );

  app.get(
    "/api/v1/teams/:id/invites",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "The team's invites, newest first, with their status (leaders).",
        params: teamIdParamsSchema,
        response: {
          200: z.object({ invites: z.array(inviteSchema) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const rows = await invites.list(sessionOf(request).memberId, request.params.id);
      const at = now();
      return { invites: rows.map((row) => presentInvite(row, at)) };
    },
  );

  app.delete(
    "/api/v1/teams/:id/invites/:inviteId",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "Revokes an invite (leaders): its code stops working at once.",
        params: inviteParamsSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await invites.revoke(sessionOf(request).memberId, request.params.id, request.params.inviteId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/teams/join/preview",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Names the team an invite code opens, and its size, without joining. The code is sent in the body, " +
          "not the URL, so it never reaches a log. Unknown code → 404; expired or revoked → 410.",
        body: teamJoinSchema,
        response: { 200: invitePreviewSchema, ...errorResponses(400, 401, 404, 410, 415) },
      },
    },
    async (request) => ({ team: await invites.preview(request.body.code) }),
  );

  app.post(
    "/api/v1/teams/join",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Joins the team of an invite code (201; 200 when already in it). Unknown code → 404; expired or " +
          "revoked → 410; team full → 409; removed from that team → 403.",
        body: teamJoinSchema,
        response: {
          200: z.object({ team: teamSchema }),
          201: z.object({ team: teamSchema }),
          ...errorResponses(400, 401, 403, 404, 409, 410, 415),
        },
      },
    },
    async (request, reply) => {
      const { team, joined } = await invites.join(sessionOf(request).memberId, request.body.code);
      return reply.code(joined ? 201 : 200).send({ team: presentTeam(team) });
    },
  );
}
