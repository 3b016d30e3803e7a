/**
 * The Cairn application as a Fastify plugin tree, separate from the listener (main.ts) so tests drive it with
 * `inject` and never open a port. Order: external plugins → app plugins (sessions, security) → feature routes.
 */
import fs from "node:fs";
import path from "node:path";
import type { Clock } from "@cairn/core";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "./config/config.ts";
import { loadMasterKey } from "./crypto/master-key.ts";
import { type Db, migrateToLatest, openDatabase } from "./db/database.ts";
import { buildFeatures } from "./features/index.ts";
import { registerErrorHandler } from "./http/errors.ts";
import { logRedactions, OneLinePerRequest } from "./http/logging.ts";
import { registerNotFound } from "./http/not-found.ts";
import { registerSecurity } from "./http/security.ts";
import { responseSerializerCompiler } from "./http/serialization.ts";
import type { LiveEventBus } from "./realtime/events.ts";

/** Request bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export interface AppOptions {
  config: Config;
  clock?: Clock;
  /** An already open database (tests pass one per PostgreSQL schema). */
  db?: Db;
  /** Off in tests that do not want log lines. */
  logger?: boolean;
  /** Where log lines go instead of stdout (a test captures them to prove no secret is ever logged). */
  logStream?: { write(line: string): void };
  /**
   * Validate every answer against its response schema before sending it (the test harness turns this on).
   * Off in production, where the presenters' allow-lists are trusted: see http/serialization.ts.
   */
  checkResponses?: boolean;
  /**
   * Tests only: a layer around the live event bus, to hold or reorder events as a second instance's would
   * arrive through Redis.
   */
  wrapLiveEventBus?: (bus: LiveEventBus) => LiveEventBus;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const clock = options.clock ?? Date.now;
  const db = options.db ?? openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).db;
  await migrateToLatest(db);

  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: logRedactions,
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    // One line per request instead of Fastify's "incoming request" + "request completed" pair (http/logging.ts).
    logController: new OneLinePerRequest(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler(options.checkResponses ?? false));
  registerErrorHandler(app);

  const serveWeb = fs.existsSync(path.join(config.webDistDir, "index.html"));
  registerNotFound(app, serveWeb);

  await app.register(cookie);
  registerSecurity(app, config.publicUrl);
  await app.register(swagger, {
    openapi: {
      info: { title: "Cairn API", version: "1", description: "The API of Cairn, a recovery-support app." },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "cairn_session" } } },
    },
    transform: jsonSchemaTransform,
  });
  if (serveWeb) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: true, index: "index.html" });
  }

  const cipherKey = loadMasterKey(config.masterKey, config.masterKeyFile);
  await buildFeatures(app, { db, config, clock, cipherKey, wrapLiveEventBus: options.wrapLiveEventBus });

  app.get("/healthz", { schema: { hide: true } }, async () => {
    await db.selectFrom("members").select("id").limit(1).execute();
    return { status: "ok" };
  });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  app.addHook("onClose", async () => {
    if (!options.db) await db.destroy();
  });
  return app;
}
