/**
 * `/api/v1/auth/*`: sign up, sign in, sign out, recover with a code, change the password, count and replace the
 * recovery codes.
 */
import {
  loginSchema,
  memberResultSchema,
  passwordChangeSchema,
  recoverResultSchema,
  recoverSchema,
  recoveryCodesLeftSchema,
  recoveryCodesRenewSchema,
  recoveryCodesResultSchema,
  signupResultSchema,
  signupSchema,
} from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../http/openapi.ts";
import { sessionOf } from "../sessions/sessions.plugin.ts";
import { presentRecovered, presentSignedIn, presentSignedUp } from "./auth.presenter.ts";
import type { AuthService } from "./auth.service.ts";

export interface AuthRoutesOptions {
  auth: AuthService;
}

const noContent = z.null().describe("No content");

export default async function authRoutes(app: FastifyInstance, { auth }: AuthRoutesOptions): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  // Answers here can hold recovery codes or start sessions: no cache (browser, proxy) may keep them. Every /api
  // answer carries `cache-control: no-store` (http/security.ts); auth.test.ts checks it here.

  routes.post(
    "/api/v1/auth/signup",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Create an account; answers with ten single-use recovery codes, shown only this once. Limited per address",
        body: signupSchema,
        response: { 201: signupResultSchema, ...errorResponses(400, 403, 409, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const result = await auth.signup(request.body, request.ip);
      app.setSessionCookie(reply, result.token);
      return reply.code(201).send(presentSignedUp(result));
    },
  );

  routes.post(
    "/api/v1/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in; failures are limited per account and per address",
        body: loginSchema,
        response: { 200: memberResultSchema, ...errorResponses(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const result = await auth.login(request.body, request.ip);
      app.setSessionCookie(reply, result.token);
      return presentSignedIn(result);
    },
  );

  routes.post(
    "/api/v1/auth/logout",
    {
      onRequest: [app.authenticate],
      schema: {
        tags: ["auth"],
        summary: "Sign out of this session",
        security: [{ session: [] }],
        response: { 204: noContent, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await auth.logout(sessionOf(request));
      app.clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  routes.post(
    "/api/v1/auth/logout-everywhere",
    {
      onRequest: [app.authenticate],
      schema: {
        tags: ["auth"],
        summary: "Sign out of every session of this member, on every device, this one included",
        security: [{ session: [] }],
        response: { 204: noContent, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await auth.logoutEverywhere(sessionOf(request));
      app.clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  routes.post(
    "/api/v1/auth/recover",
    {
      schema: {
        tags: ["auth"],
        summary: "Set a new password with a recovery code; signs out every other session",
        body: recoverSchema,
        response: { 200: recoverResultSchema, ...errorResponses(400, 401, 403, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const result = await auth.recover(request.body, request.ip);
      app.setSessionCookie(reply, result.token);
      return presentRecovered(result);
    },
  );

  routes.post(
    "/api/v1/auth/password",
    {
      onRequest: [app.authenticate],
      schema: {
        tags: ["auth"],
        summary: "Change the password (needs the current one); signs out every other session",
        security: [{ session: [] }],
        body: passwordChangeSchema,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      await auth.changePassword(sessionOf(request), request.body, request.ip);
      return reply.code(204).send(null);
    },
  );

  routes.get(
    "/api/v1/auth/recovery-codes",
    {
      onRequest: [app.authenticate],
      schema: {
        tags: ["auth"],
        summary: "How many of the member's recovery codes are still unused",
        security: [{ session: [] }],
        response: { 200: recoveryCodesLeftSchema, ...errorResponses(401) },
      },
    },
    async (request) => ({ remaining: await auth.recoveryCodesLeft(sessionOf(request)) }),
  );

  routes.post(
    "/api/v1/auth/recovery-codes",
    {
      onRequest: [app.authenticate],
      schema: {
        tags: ["auth"],
        summary:
          "Replace every recovery code with ten new ones (needs the current password); shown only this once, and the old codes stop working",
        security: [{ session: [] }],
        body: recoveryCodesRenewSchema,
        response: { 200: recoveryCodesResultSchema, ...errorResponses(400, 401, 403, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const recoveryCodes = await auth.renewRecoveryCodes(sessionOf(request), request.body, request.ip);
      // Said here as well as for all of /api (http/security.ts): this answer must never rest in a cache.
      return reply.header("cache-control", "no-store").send({ recoveryCodes });
    },
  );
}
