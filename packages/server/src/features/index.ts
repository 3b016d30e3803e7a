/**
 * Wires each feature: its repositories (the only code that sees the database), its service (the rules and
 * access checks), its routes. Each service gets only the repositories it needs.
 */
import type { Clock } from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config/config.ts";
import { FieldCipher } from "../crypto/field-cipher.ts";
import type { Db } from "../db/database.ts";
import sessionsPlugin from "./sessions/sessions.plugin.ts";
import { SessionsRepository } from "./sessions/sessions.repository.ts";
import { SessionsService } from "./sessions/sessions.service.ts";

export interface FeatureDeps {
  db: Db;
  config: Config;
  clock: Clock;
  cipherKey: Buffer;
}

export async function buildFeatures(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  const { db, config, clock } = deps;
  const cipher = new FieldCipher(deps.cipherKey);
  const sessions = new SessionsService(new SessionsRepository(db), config.session, clock);
  await app.register(sessionsPlugin, {
    sessions,
    secureCookie: config.session.secureCookie,
    maxMs: config.session.maxMs,
  });

  // ── auth and members ── (wired by the accounts feature)

  // ── recoveries, check-ins, progress, resources ── (wired by the daily-recovery features)

  void cipher;
}
