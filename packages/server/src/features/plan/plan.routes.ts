import {
  planActionsInputSchema,
  planActionsParamsSchema,
  planActionsSchema,
  planSavedSchema,
  planSaveSchema,
  planSchema,
  planVersionParamsSchema,
  planVersionsSchema,
} from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import type { PlanService } from "./plan.service.ts";

const docs = { tags: ["plan"], security: [{ session: [] }] };

export default async function planRoutes(
  fastify: FastifyInstance,
  { service }: { service: PlanService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/plan",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "The member's recovery plan: version 0 and an empty plan until it is first saved.",
        response: { 200: planSchema, ...errorResponses(401) },
      },
    },
    async (request) => service.get(sessionOf(request)),
  );

  app.put(
    "/api/v1/plan",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Saves the whole plan as a new version (the same plan again stores nothing). With `baseVersion`, " +
          "a save from an older version than the stored one is refused with 409. `support.danger` names " +
          "danger language in the text this save added.",
        body: planSaveSchema,
        response: { 200: planSavedSchema, ...errorResponses(400, 401, 403, 409, 413, 415) },
      },
    },
    async (request) => service.save(sessionOf(request), request.body),
  );

  app.get(
    "/api/v1/plan/versions",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "The saved versions of the plan, newest first (the newest 100 are kept).",
        response: { 200: planVersionsSchema, ...errorResponses(401) },
      },
    },
    async (request) => ({ versions: await service.versions(sessionOf(request)) }),
  );

  app.get(
    "/api/v1/plan/versions/:version",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "One saved version of the plan, as it was.",
        params: planVersionParamsSchema,
        response: { 200: planSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => service.version(sessionOf(request), request.params.version),
  );

  app.get(
    "/api/v1/plan/actions/:date",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description: "The ids of the plan's daily actions ticked off on a local date.",
        params: planActionsParamsSchema,
        response: { 200: planActionsSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => service.actions(sessionOf(request), request.params.date),
  );

  app.put(
    "/api/v1/plan/actions/:date",
    {
      onRequest: [app.authenticate],
      schema: {
        ...docs,
        description:
          "Replaces the daily actions ticked off on a local date (today or earlier for the member); each id " +
          "must be one of the plan's daily actions.",
        params: planActionsParamsSchema,
        body: planActionsInputSchema,
        response: { 200: planActionsSchema, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request) => service.setActions(sessionOf(request), request.params.date, request.body.done),
  );
}
