/**
 * Unknown paths: JSON 404 (or 405 with `Allow` when the path exists for another method) under /api, and the
 * web app's index.html for any other GET so that deep links into the single-page app work.
 */
import { ERROR_CODES } from "@cairn/core";
import type { FastifyInstance } from "fastify";
import { errorBody } from "./errors.ts";

interface KnownRoute {
  pattern: RegExp;
  methods: Set<string>;
}

function patternOf(url: string): RegExp {
  const escaped = url
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${escaped}/?$`);
}

export function registerNotFound(app: FastifyInstance, serveIndex: boolean): void {
  const routes = new Map<string, KnownRoute>();
  app.addHook("onRoute", (route) => {
    const known = routes.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of [route.method].flat()) known.methods.add(method);
    routes.set(route.url, known);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if (!path.startsWith("/api/") && serveIndex && request.method === "GET") {
      return reply.type("text/html").sendFile("index.html");
    }
    const allowed = [...routes.values()].filter((r) => r.pattern.test(path)).flatMap((r) => [...r.methods]);
    if (allowed.length > 0) {
      return reply
        .code(405)
        .header("allow", [...new Set(allowed)].join(", "))
        .send(errorBody(ERROR_CODES.methodNotAllowed, `${request.method} is not allowed here`));
    }
    return reply.code(404).send(errorBody(ERROR_CODES.notFound, "There is nothing at this address"));
  });
}
