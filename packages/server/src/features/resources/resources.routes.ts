import { resourcesSchema } from "@cairn/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { SESSION_COOKIE } from "../sessions/sessions.plugin.ts";
import { presentResources } from "./resources.presenter.ts";
import type { ResourcesService } from "./resources.service.ts";

export default async function resourcesRoutes(
  fastify: FastifyInstance,
  { service }: { service: ResourcesService },
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  /**
   * Help is never behind a sign-in: a signed-in member gets their region's resources, anyone else (or a
   * session that has expired) the default region's, never a 401.
   */
  async function identifyIfSignedIn(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!request.cookies[SESSION_COOKIE]) return;
    try {
      await app.authenticate(request, reply);
    } catch {
      request.session = null;
    }
  }

  app.get(
    "/api/v1/resources",
    {
      onRequest: [identifyIfSignedIn],
      schema: {
        tags: ["resources"],
        description:
          "Crisis and overdose resources for the member's region (the default region when signed out).",
        response: { 200: resourcesSchema },
      },
    },
    async (request) => presentResources(service.forRegion(request.session?.region)),
  );
}
