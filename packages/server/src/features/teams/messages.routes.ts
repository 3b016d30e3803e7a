/**
 * Team messages over HTTP: history and resume, send (the same operation as the WebSocket "send"), read marker,
 * delete, reactions and reach-out.
 */
import {
  messageParamsSchema,
  messageSchema,
  messageSendSchema,
  messageSentSchema,
  messagesQuerySchema,
  reachOutSchema,
  reactionCreateSchema,
  readMarkerResultSchema,
  readMarkerSchema,
  teamIdParamsSchema,
} from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import type { MessagesService } from "./messages.service.ts";

const docs = { tags: ["teams"], security: [{ session: [] }] };
const messageOnly = z.object({ message: messageSchema });

export default async function messagesRoutes(
  fastify: FastifyInstance,
  { messages }: { messages: MessagesService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/teams/:id/messages",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Messages in ascending seq. `after=k` returns exactly the messages with seq > k (resume after a " +
          "reconnect); `before=k` pages back; neither gives the latest page. Messages by members the caller " +
          "blocked are left out. Not a member (or removed) → 404.",
        params: teamIdParamsSchema,
        querystring: messagesQuerySchema,
        response: { 200: z.object({ messages: z.array(messageSchema) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      messages: await messages.list(sessionOf(request).memberId, request.params.id, request.query),
    }),
  );

  app.post(
    "/api/v1/teams/:id/messages",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Sends a message (201), or returns the one already stored under the same `clientId` (200), so a retry " +
          "after a lost reply never makes a second message. `replyTo` answers an earlier message. `support` " +
          "names danger language found in the text, so the writer sees crisis resources at once. Muted → 403 " +
          "`muted`; too many sends → 429.",
        params: teamIdParamsSchema,
        body: messageSendSchema,
        response: {
          200: messageSentSchema,
          201: messageSentSchema,
          ...errorResponses(400, 401, 403, 404, 413, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const { message, created, support } = await messages.send(
        sessionOf(request).memberId,
        request.params.id,
        request.body,
      );
      return reply.code(created ? 201 : 200).send({ message, support });
    },
  );

  app.post(
    "/api/v1/teams/:id/read",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Moves the caller's read marker forward to `seq` (never back, never past the last message); every " +
          "device then shows the same unread count.",
        params: teamIdParamsSchema,
        body: readMarkerSchema,
        response: { 200: readMarkerResultSchema, ...errorResponses(400, 401, 404, 415) },
      },
    },
    async (request) => ({
      readSeq: await messages.markRead(sessionOf(request).memberId, request.params.id, request.body.seq),
    }),
  );

  app.delete(
    "/api/v1/teams/:id/messages/:seq",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Deletes a message (its author, a leader, or the operator). It stays as a deleted placeholder under " +
          "its seq, without its content.",
        params: messageParamsSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await messages.remove(sessionOf(request).memberId, request.params.id, request.params.seq);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/teams/:id/messages/:seq/reactions",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Answers a message with an encouragement reaction (💪 ❤️ 🙏 👏 🌱). The reaction is itself a message " +
          "(kind `reaction`, `replyTo` the seq). Once per member, message and emoji: a repeat returns it (200); " +
          "deleting the reaction message takes it back.",
        params: messageParamsSchema,
        body: reactionCreateSchema,
        response: {
          200: messageOnly,
          201: messageOnly,
          ...errorResponses(400, 401, 403, 404, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const { id, seq } = request.params;
      const { message, created } = await messages.react(
        sessionOf(request).memberId,
        id,
        seq,
        request.body.emoji,
      );
      return reply.code(created ? 201 : 200).send({ message });
    },
  );

  app.post(
    "/api/v1/teams/:id/reach-out",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Tells the team the caller is having a hard time: a prominent alert (kind `reach_out`). Teammates " +
          "answer with replies (`replyTo` its seq), which is how the caller sees who responded. A `clientId` " +
          "makes a retried press safe.",
        params: teamIdParamsSchema,
        body: reachOutSchema.nullish(),
        response: { 200: messageOnly, 201: messageOnly, ...errorResponses(400, 401, 403, 404, 415, 429) },
      },
    },
    async (request, reply) => {
      const { message, created } = await messages.reachOut(
        sessionOf(request).memberId,
        request.params.id,
        request.body?.clientId,
      );
      return reply.code(created ? 201 : 200).send({ message });
    },
  );
}
