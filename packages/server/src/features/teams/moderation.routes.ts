/** Reports (members report; leaders and the operator read and resolve) and blocks (each member's own). */
import {
  blockCreateSchema,
  blockParamsSchema,
  blockSchema,
  messageParamsSchema,
  reportCreateSchema,
  reportParamsSchema,
  reportSchema,
  teamIdParamsSchema,
} from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import type { BlocksService } from "./blocks.service.ts";
import { presentBlock, presentReport } from "./moderation.presenter.ts";
import type { ReportsService } from "./reports.service.ts";

const teamDocs = { tags: ["teams"], security: [{ session: [] }] };
const blockDocs = { tags: ["blocks"], security: [{ session: [] }] };
const reportList = z.object({ reports: z.array(reportSchema) });

export default async function moderationRoutes(
  fastify: FastifyInstance,
  { reports, blocks }: { reports: ReportsService; blocks: BlocksService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/api/v1/teams/:id/messages/:seq/report",
    {
      onRequest: [app.authenticate],
      schema: {
        ...teamDocs,
        description:
          "Reports a message to the team's leaders and the operator (201; 200 when already reported by the " +
          "caller — one report per member per message). Leaders do not see who reported.",
        params: messageParamsSchema,
        body: reportCreateSchema.nullish(),
        response: {
          200: z.object({ report: reportSchema }),
          201: z.object({ report: reportSchema }),
          ...errorResponses(400, 401, 404, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const { id, seq } = request.params;
      const { report, created } = await reports.report(
        sessionOf(request).memberId,
        id,
        seq,
        request.body?.reason,
      );
      return reply.code(created ? 201 : 200).send({ report: presentReport(report) });
    },
  );

  app.get(
    "/api/v1/teams/:id/reports",
    {
      onRequest: [app.authenticate],
      schema: {
        ...teamDocs,
        description: "The team's reports, open ones first (leaders, or the operator).",
        params: teamIdParamsSchema,
        response: { 200: reportList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      reports: (await reports.forTeam(sessionOf(request).memberId, request.params.id)).map(presentReport),
    }),
  );

  app.post(
    "/api/v1/teams/:id/reports/:reportId/resolve",
    {
      onRequest: [app.authenticate],
      schema: {
        ...teamDocs,
        description: "Marks a report handled (leaders, or the operator).",
        params: reportParamsSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await reports.resolve(sessionOf(request).memberId, request.params.id, request.params.reportId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/operator/reports",
    {
      onRequest: [app.authenticate],
      schema: {
        tags: ["operator"],
        security: [{ session: [] }],
        description: "The operator's queue: reports from every team, open ones first. Anyone else → 404.",
        response: { 200: reportList, ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ reports: (await reports.queue(sessionOf(request).memberId)).map(presentReport) }),
  );

  app.post(
    "/api/v1/blocks",
    {
      onRequest: [app.authenticate],
      schema: {
        ...blockDocs,
        description:
          "Blocks a member: their messages are hidden from the caller everywhere and never raise an unread " +
          "count or an alert (201; 200 when already blocked). They are not told.",
        body: blockCreateSchema,
        response: {
          200: z.object({ block: blockSchema }),
          201: z.object({ block: blockSchema }),
          ...errorResponses(400, 401, 404, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const { block, created } = await blocks.block(sessionOf(request).memberId, request.body.memberId);
      return reply.code(created ? 201 : 200).send({ block: presentBlock(block) });
    },
  );

  app.get(
    "/api/v1/blocks",
    {
      onRequest: [app.authenticate],
      schema: {
        ...blockDocs,
        description: "The members the caller has blocked.",
        response: { 200: z.object({ blocks: z.array(blockSchema) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ blocks: (await blocks.list(sessionOf(request).memberId)).map(presentBlock) }),
  );

  app.delete(
    "/api/v1/blocks/:memberId",
    {
      onRequest: [app.authenticate],
      schema: {
        ...blockDocs,
        description: "Lifts a block.",
        params: blockParamsSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await blocks.unblock(sessionOf(request).memberId, request.params.memberId);
      return reply.code(204).send(null);
    },
  );
}
