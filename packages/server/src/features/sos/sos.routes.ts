import {
  sosEndSchema,
  sosEpisodeResultSchema,
  sosListQuerySchema,
  sosListSchema,
  sosMinutesSchema,
  sosParamsSchema,
  sosSavedSchema,
  sosStartSchema,
} from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import { presentEpisode } from "./sos.presenter.ts";
import type { SavedEpisode, SosService } from "./sos.service.ts";

const docs = { tags: ["sos"], security: [{ session: [] }] };

const saved = ({ episode, support }: SavedEpisode) => ({ episode: presentEpisode(episode), support });

export default async function sosRoutes(
  fastify: FastifyInstance,
  { service }: { service: SosService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/api/v1/sos",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Starts a craving SOS: the urge as rated now. The start time is the server's clock. A planTriggerId " +
          "must be one of the member's current plan's triggers (else 422).",
        body: sosStartSchema,
        response: { 201: sosSavedSchema, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(saved(await service.start(sessionOf(request), request.body))),
  );

  app.patch(
    "/api/v1/sos/:id",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Ends a craving SOS: the urge re-rated and what helped (a craving of null closes it unrated). " +
          "Sending the same ending again returns the stored episode; a different one for an ended episode is 409.",
        params: sosParamsSchema,
        body: sosEndSchema,
        response: { 200: sosSavedSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => saved(await service.end(sessionOf(request), request.params.id, request.body)),
  );

  app.put(
    "/api/v1/sos/:id/minutes",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Sets the timer of a running SOS (the member took more time), so every tab and device counts to the " +
          "same end. Idempotent; an ended episode is 409.",
        params: sosParamsSchema,
        body: sosMinutesSchema,
        response: { 200: sosEpisodeResultSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => ({
      episode: presentEpisode(
        await service.setMinutes(sessionOf(request), request.params.id, request.body.minutes),
      ),
    }),
  );

  app.get(
    "/api/v1/sos",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "The member's SOS episodes, newest first, and the summary of every urge ridden out.",
        querystring: sosListQuerySchema,
        response: { 200: sosListSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { episodes, summary } = await service.list(sessionOf(request), request.query.limit);
      return { episodes: episodes.map(presentEpisode), summary };
    },
  );
}
