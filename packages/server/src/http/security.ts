/**
 * Security headers and cross-site request forgery defence.
 *
 * Headers are computed once, at start, and set on each answer by one `onRequest` hook: @fastify/helmet rebuilt
 * them for every request (parsing the CSP directives each time), which was a measurable share of a request.
 * Two sets, chosen by path:
 *
 * - Pages and static files (everything outside /api/) get the full set helmet gave, unchanged: a
 *   Content-Security-Policy allowing only this origin (no CDN, font, analytics or tracker can load, even by
 *   mistake), no framing, no referrer, cross-origin isolation headers, and a Permissions-Policy.
 * - JSON answers under /api/ get only the headers that mean something for JSON (OWASP REST Security Cheat Sheet):
 *   `cache-control: no-store` (a member's data never rests in a browser or proxy cache; sign-in answers hold
 *   recovery codes), `x-content-type-options: nosniff` (JSON is never sniffed into HTML or script),
 *   `cross-origin-resource-policy: same-origin` (another site cannot pull an answer into its page with a
 *   `<script>` or `<img>` and read it through a side channel), a CSP of `default-src 'none'; frame-ancestors
 *   'none'` (a JSON answer opened as a document loads nothing and cannot be framed), and HSTS behind https.
 *   Referrer-Policy, X-Frame-Options (frame-ancestors covers it), Permissions-Policy, COOP, Origin-Agent-Cluster
 *   and the legacy X-* headers only affect documents that render, fetch or navigate, which JSON does not.
 *
 * CSRF: state-changing requests carry JSON bodies only (a plain HTML form cannot send `application/json`), and
 * a browser's `Origin` (or `Sec-Fetch-Site`) must name this site. Requests without either header come from
 * non-browser clients, which hold no victim's cookie.
 */

import { ERROR_CODES } from "@cairn/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { errorBody } from "./errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The Content-Security-Policy of the web app: this origin only (and WebAssembly for the journal). */
export function pageContentSecurityPolicy(https: boolean): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'wasm-unsafe-eval' lets the journal compile argon2id's WebAssembly (its key derivation on the device);
    // it allows no JavaScript eval, and scripts still come from this origin only.
    ["script-src", "'self'", "'wasm-unsafe-eval'"],
    ["style-src", "'self'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["manifest-src", "'self'"],
    ["worker-src", "'self'"],
    ["object-src", "'none'"],
    ["frame-src", "'none'"],
    ["frame-ancestors", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join(";");
}

export interface SecurityHeaders {
  page: Readonly<Record<string, string>>;
  api: Readonly<Record<string, string>>;
}

export function securityHeaders(publicUrl: URL | undefined): SecurityHeaders {
  const https = publicUrl?.protocol === "https:";
  const hsts: Record<string, string> = https
    ? { "strict-transport-security": "max-age=31536000; includeSubDomains" }
    : {};
  return {
    page: Object.freeze({
      "content-security-policy": pageContentSecurityPolicy(https),
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
      "origin-agent-cluster": "?1",
      "referrer-policy": "no-referrer",
      ...hsts,
      "x-content-type-options": "nosniff",
      "x-dns-prefetch-control": "off",
      "x-download-options": "noopen",
      "x-frame-options": "SAMEORIGIN",
      "x-permitted-cross-domain-policies": "none",
      "x-xss-protection": "0",
      "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    }),
    api: Object.freeze({
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "cross-origin-resource-policy": "same-origin",
      ...hsts,
      "x-content-type-options": "nosniff",
    }),
  };
}

export function registerSecurity(app: FastifyInstance, publicUrl: URL | undefined): void {
  const headers = securityHeaders(publicUrl);

  // Fastify parses text/plain bodies by default, and a cross-site HTML form or a "simple" fetch may send
  // text/plain without a preflight: accept JSON only, so such a body is refused with 415 before any handler.
  app.removeContentTypeParser("text/plain");

  app.addHook("onRequest", (request, reply, done) => {
    const api = request.url.startsWith("/api/");
    reply.headers(api ? headers.api : headers.page);
    if (api && !SAFE_METHODS.has(request.method) && !isSameSite(request, publicUrl)) {
      reply.code(403).send(errorBody(ERROR_CODES.forbidden, "Cross-site requests are not allowed"));
      return;
    }
    done();
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
