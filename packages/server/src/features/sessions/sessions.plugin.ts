/**
 * Reads the session cookie and puts the signed-in member on the request. Routes opt in with
 * `onRequest: [app.authenticate]`; a missing, unknown or expired session answers 401.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { unauthenticated } from "../../http/errors.ts";
import type { ActiveSession, SessionsService } from "./sessions.service.ts";

export const SESSION_COOKIE = "cairn_session";

declare module "fastify" {
  interface FastifyRequest {
    session: ActiveSession | null;
  }
  interface FastifyInstance {
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    setSessionCookie: (reply: FastifyReply, token: string) => void;
    clearSessionCookie: (reply: FastifyReply) => void;
  }
}

export interface SessionsPluginOptions {
  sessions: SessionsService;
  secureCookie: boolean;
  maxMs: number;
}

async function sessionsPlugin(app: FastifyInstance, options: SessionsPluginOptions): Promise<void> {
  app.decorateRequest("session", null);

  app.decorate("authenticate", async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await options.sessions.resolve(token) : undefined;
    if (!session) throw unauthenticated();
    request.session = session;
  });

  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: options.secureCookie,
  };
  app.decorate("setSessionCookie", (reply: FastifyReply, token: string) => {
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: Math.floor(options.maxMs / 1000) });
  });
  app.decorate("clearSessionCookie", (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
  });
}

export default fp(sessionsPlugin, { name: "cairn-sessions" });

/** The signed-in member of a request that passed `authenticate`. */
export function sessionOf(request: FastifyRequest): ActiveSession {
  if (!request.session) throw unauthenticated();
  return request.session;
}
