/**
 * Security headers and cross-site request forgery defence.
 *
 * CSP allows only this origin: no CDN, font, analytics or tracker can load, even by mistake.
 * CSRF: state-changing requests carry JSON bodies only (a plain HTML form cannot send `application/json`), and
 * a browser's `Origin` (or `Sec-Fetch-Site`) must name this site. Requests without either header come from
 * non-browser clients, which hold no victim's cookie.
 */

import { ERROR_CODES } from "@cairn/core";
import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { errorBody } from "./errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function registerSecurity(app: FastifyInstance, publicUrl: URL | undefined): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        ...(publicUrl?.protocol === "https:" ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: publicUrl?.protocol === "https:" ? { maxAge: 31_536_000 } : false,
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onSend", async (_request, reply) => {
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  });

  // Fastify parses text/plain bodies by default, and a cross-site HTML form or a "simple" fetch may send
  // text/plain without a preflight: accept JSON only, so such a body is refused with 415 before any handler.
  app.removeContentTypeParser("text/plain");

  app.addHook("onRequest", async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith("/api/")) return;
    if (!isSameSite(request, publicUrl)) {
      return reply.code(403).send(errorBody(ERROR_CODES.forbidden, "Cross-site requests are not allowed"));
    }
  });
}

function isSameSite(request: FastifyRequest, publicUrl: URL | undefined): boolean {
  const origin = request.headers.origin;
  if (origin) {
    const expected = publicUrl ? publicUrl.origin : `${request.protocol}://${request.headers.host}`;
    return origin === expected;
  }
  const site = request.headers["sec-fetch-site"];
  return site === undefined || site === "same-origin" || site === "none";
}
