/** Teams and their members: create, list, read, leave, hand over the lead, mute and remove. */
import {
  leaderHandoverSchema,
  muteSchema,
  teamCreateSchema,
  teamDetailSchema,
  teamIdParamsSchema,
  teamMemberParamsSchema,
  teamMemberSchema,
  teamSchema,
} from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import { presentTeam, presentTeamMember } from "./teams.presenter.ts";
import type { TeamDetail, TeamsService } from "./teams.service.ts";

const docs = { tags: ["teams"], security: [{ session: [] }] };

export default async function teamsRoutes(
  fastify: FastifyInstance,
  { teams }: { teams: TeamsService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const detail = ({ summary, members }: TeamDetail) => ({
    team: presentTeam(summary),
    members: members.map((m) => presentTeamMember(m, teams.now())),
  });

  app.post(
    "/api/v1/teams",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "Creates a team; the creator leads it.",
        body: teamCreateSchema,
        response: { 201: z.object({ team: teamSchema }), ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const team = await teams.create(sessionOf(request).memberId, request.body.name);
      return reply.code(201).send({ team: presentTeam(team) });
    },
  );

  app.get(
    "/api/v1/teams",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "The member's teams with their role, size, last seq, read marker and unread count (never their own " +
          "messages, reactions, or messages by members they blocked).",
        response: { 200: z.object({ teams: z.array(teamSchema) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ teams: (await teams.list(sessionOf(request).memberId)).map(presentTeam) }),
  );

  app.get(
    "/api/v1/teams/:id",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "A team and its members (by alias). Not a member → 404.",
        params: teamIdParamsSchema,
        response: { 200: teamDetailSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => detail(await teams.get(sessionOf(request).memberId, request.params.id)),
  );

  app.post(
    "/api/v1/teams/:id/leave",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Leaves the team at once. When the last leader leaves, the longest-standing member leads; a team " +
          "can be left without members.",
        params: teamIdParamsSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await teams.leave(sessionOf(request).memberId, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/teams/:id/leader",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Hands the lead to another member of the team (leaders only); the caller becomes a member.",
        params: teamIdParamsSchema,
        body: leaderHandoverSchema,
        response: { 200: teamDetailSchema, ...errorResponses(400, 401, 403, 404, 415) },
      },
    },
    async (request) =>
      detail(await teams.handOver(sessionOf(request).memberId, request.params.id, request.body.memberId)),
  );

  app.delete(
    "/api/v1/teams/:id/members/:memberId",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Removes a member (leaders, or the operator in any team). Effective at once: their open connections " +
          "stop receiving, their requests for the team get 404, and an old invite does not bring them back.",
        params: teamMemberParamsSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      await teams.remove(sessionOf(request).memberId, request.params.id, request.params.memberId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/teams/:id/members/:memberId/mute",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "Mutes a member for some minutes, or until unmuted (`null`). They still read along.",
        params: teamMemberParamsSchema,
        body: muteSchema,
        response: {
          200: z.object({ member: teamMemberSchema }),
          ...errorResponses(400, 401, 403, 404, 415, 422),
        },
      },
    },
    async (request) => {
      const { id, memberId } = request.params;
      const member = await teams.mute(sessionOf(request).memberId, id, memberId, request.body.minutes);
      return { member: presentTeamMember(member, teams.now()) };
    },
  );

  app.delete(
    "/api/v1/teams/:id/members/:memberId/mute",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "Lifts a mute.",
        params: teamMemberParamsSchema,
        response: { 200: z.object({ member: teamMemberSchema }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id, memberId } = request.params;
      const member = await teams.unmute(sessionOf(request).memberId, id, memberId);
      return { member: presentTeamMember(member, teams.now()) };
    },
  );
}
