/**
 * `/api/v1/journal/*`: entries (ciphertext, nonce, version and key id only) and the wrapped journal key.
 * Entry bodies may be up to JOURNAL_LIMITS.requestBytesMax (an entry of 100,000 characters, encrypted), above
 * the app's usual 64 KiB.
 */
import {
  JOURNAL_LIMITS,
  journalConflictSchema,
  journalEntriesQuerySchema,
  journalEntryCreateSchema,
  journalEntryPageSchema,
  journalEntryParamsSchema,
  journalEntryResultSchema,
  journalEntryUpdateSchema,
  journalKeysInputSchema,
  journalKeysResultSchema,
} from "@cairn/core";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../http/errors.ts";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import { JournalConflict, type JournalService } from "./journal.service.ts";

const docs = { tags: ["journal"], security: [{ session: [] }] };
const conflict = {
  409: journalConflictSchema.describe("Another device saved first: `current` is the version now stored"),
};

/** Runs a save; a version conflict answers 409 with the version now stored. */
async function orConflict<T>(reply: FastifyReply, save: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof JournalConflict)) throw error;
    return reply
      .code(409)
      .send({ ...errorBody(error.code, error.message, error.fields), current: error.current });
  }
}

export default async function journalRoutes(
  fastify: FastifyInstance,
  { service }: { service: JournalService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/journal/entries",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "The member's encrypted entries in id order, a page at a time (`after` = the last id seen).",
        querystring: journalEntriesQuerySchema,
        response: { 200: journalEntryPageSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => service.list(sessionOf(request), request.query),
  );

  app.post(
    "/api/v1/journal/entries",
    {
      onRequest: [app.authenticate],
      bodyLimit: JOURNAL_LIMITS.requestBytesMax,
      schema: {
        ...docs,
        description:
          "Stores a new encrypted entry (201) under the id the device chose; sending the same entry again returns it (200).",
        body: journalEntryCreateSchema,
        response: {
          200: journalEntryResultSchema,
          201: journalEntryResultSchema,
          ...errorResponses(400, 401, 403, 413, 415),
          ...conflict,
        },
      },
    },
    async (request, reply) =>
      orConflict(reply, async () => {
        const { created, entry } = await service.create(sessionOf(request), request.body);
        return reply.code(created ? 201 : 200).send({ entry });
      }),
  );

  app.get(
    "/api/v1/journal/entries/:id",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        params: journalEntryParamsSchema,
        response: { 200: journalEntryResultSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({ entry: await service.get(sessionOf(request), request.params.id) }),
  );

  app.put(
    "/api/v1/journal/entries/:id",
    {
      onRequest: [app.authenticate],
      bodyLimit: JOURNAL_LIMITS.requestBytesMax,
      schema: {
        ...docs,
        description:
          "Saves the next version of an entry: `version` must be the stored version plus 1, else 409.",
        params: journalEntryParamsSchema,
        body: journalEntryUpdateSchema,
        response: {
          200: journalEntryResultSchema,
          ...errorResponses(400, 401, 403, 404, 413, 415),
          ...conflict,
        },
      },
    },
    async (request, reply) =>
      orConflict(reply, async () => ({
        entry: await service.update(sessionOf(request), request.params.id, request.body),
      })),
  );

  app.delete(
    "/api/v1/journal/entries/:id",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        params: journalEntryParamsSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.remove(sessionOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/journal/keys",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "The journal key wrapped by the password (with the argon2id parameters) and by each recovery code; 404 before the journal is set up.",
        response: { 200: journalKeysResultSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ keys: await service.getKeys(sessionOf(request)) }),
  );

  app.put(
    "/api/v1/journal/keys",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Stores the keys document the device made: version 1 to start (201), then the stored version plus 1 (200) after a password change, an account recovery or new recovery codes; else 409.",
        body: journalKeysInputSchema,
        response: {
          200: journalKeysResultSchema,
          201: journalKeysResultSchema,
          ...errorResponses(400, 401, 403, 413, 415, 422),
          ...conflict,
        },
      },
    },
    async (request, reply) =>
      orConflict(reply, async () => {
        const { created, keys } = await service.putKeys(sessionOf(request), request.body);
        return reply.code(created ? 201 : 200).send({ keys });
      }),
  );
}
