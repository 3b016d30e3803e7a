/**
 * Wires each feature: its repositories (the only code that sees the database), its service (the rules and
 * access checks), its routes. Each service gets only the repositories it needs.
 */
import type { Clock } from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config/config.ts";
import { FieldCipher } from "../crypto/field-cipher.ts";
import type { Db } from "../db/database.ts";
import { createWriteBatcher } from "../db/write-batcher.ts";
import type { LiveEventBus } from "../realtime/events.ts";
import { createLiveEventBus, registerRealtime } from "../realtime/index.ts";
import { AuthRepository } from "./auth/auth.repository.ts";
import authRoutes from "./auth/auth.routes.ts";
import { AuthService } from "./auth/auth.service.ts";
import { MemoryFailureLog } from "./auth/failure-log.ts";
import { LoginLimiter } from "./auth/login-limiter.ts";
import { RedisFailureLog } from "./auth/redis-failure-log.ts";
import { CheckinsRepository } from "./checkins/checkins.repository.ts";
import checkinsRoutes from "./checkins/checkins.routes.ts";
import { CheckinsService } from "./checkins/checkins.service.ts";
import { JournalRepository } from "./journal/journal.repository.ts";
import journalRoutes from "./journal/journal.routes.ts";
import { JournalService } from "./journal/journal.service.ts";
import { MedicationsRepository } from "./medications/medications.repository.ts";
import medicationsRoutes from "./medications/medications.routes.ts";
import { MedicationsService } from "./medications/medications.service.ts";
import { MembersRepository } from "./members/members.repository.ts";
import membersRoutes from "./members/members.routes.ts";
import { MembersService } from "./members/members.service.ts";
import { PlanRepository } from "./plan/plan.repository.ts";
import planRoutes from "./plan/plan.routes.ts";
import { PlanService } from "./plan/plan.service.ts";
import { ProgressRepository } from "./progress/progress.repository.ts";
import progressRoutes from "./progress/progress.routes.ts";
import { ProgressService } from "./progress/progress.service.ts";
import { RecoveriesRepository } from "./recoveries/recoveries.repository.ts";
import recoveriesRoutes from "./recoveries/recoveries.routes.ts";
import { RecoveriesService } from "./recoveries/recoveries.service.ts";
import { loadResourceFiles } from "./resources/resources.repository.ts";
import resourcesRoutes from "./resources/resources.routes.ts";
import { ResourcesService } from "./resources/resources.service.ts";
import sessionsPlugin from "./sessions/sessions.plugin.ts";
import { SessionsRepository } from "./sessions/sessions.repository.ts";
import { SessionsService } from "./sessions/sessions.service.ts";
import { SosRepository } from "./sos/sos.repository.ts";
import sosRoutes from "./sos/sos.routes.ts";
import { SosService } from "./sos/sos.service.ts";
import { registerTeams } from "./teams/index.ts";
import { WithdrawalRepository } from "./withdrawal/withdrawal.repository.ts";
import withdrawalRoutes from "./withdrawal/withdrawal.routes.ts";
import { WithdrawalService } from "./withdrawal/withdrawal.service.ts";

export interface FeatureDeps {
  db: Db;
  config: Config;
  clock: Clock;
  cipherKey: Buffer;
  /** Tests only: a layer around the live event bus (see AppOptions). */
  wrapLiveEventBus?: ((bus: LiveEventBus) => LiveEventBus) | undefined;
}

export async function buildFeatures(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  const { db, config, clock } = deps;
  const cipher = new FieldCipher(deps.cipherKey);
  // Multi-statement writes go through one batcher per database: group commit on SQLite (db/write-batcher.ts).
  const writes = createWriteBatcher(db);
  // ── realtime ── the live event bus (in memory; Redis with REDIS_URL). Sessions and teams publish on it; the
  // WebSocket endpoint that delivers its events is registered at the end, after the services it calls.
  const bus = await createLiveEventBus(app, config, deps.wrapLiveEventBus);
  // Sessions are cached briefly only when this is the only instance (features/sessions/session-cache.ts).
  const sessions = new SessionsService(new SessionsRepository(db), config.session, clock, bus, {
    cache: !config.redisUrl,
  });
  await app.register(sessionsPlugin, {
    sessions,
    secureCookie: config.session.secureCookie,
    maxMs: config.session.maxMs,
  });

  // ── auth and members ── (wired by the accounts feature)
  const members = new MembersService(new MembersRepository(db), cipher, sessions);
  // Failed sign-ins are counted where every instance sees them: Redis with REDIS_URL, else this process.
  const { windowMs } = config.loginLimits;
  const failures = config.redisUrl
    ? new RedisFailureLog(config.redisUrl, windowMs, clock)
    : new MemoryFailureLog(windowMs, clock);
  app.addHook("onClose", () => failures.close());
  const limiter = new LoginLimiter(config.loginLimits, failures);
  const authSettings = { defaultRegion: config.defaultRegion };
  const auth = new AuthService(
    new AuthRepository(db, writes),
    members,
    sessions,
    limiter,
    authSettings,
    clock,
  );
  await app.register(authRoutes, { auth });
  await app.register(membersRoutes, { members });

  // ── teams ── peer teams, chat, feed and moderation (features/teams/index.ts). Before check-ins: a saved
  // check-in posts to the member's teams' feed.
  const teams = await registerTeams(app, { db, writes, config, clock, cipher, bus });

  // ── recoveries, check-ins, progress, resources ── (wired by the daily-recovery features)
  const resources = new ResourcesService(await loadResourceFiles(config.resourcesDir), config.defaultRegion);
  await app.register(resourcesRoutes, { service: resources });
  await app.register(recoveriesRoutes, {
    service: new RecoveriesService(new RecoveriesRepository(db, writes), clock),
  });
  await app.register(checkinsRoutes, {
    service: new CheckinsService(new CheckinsRepository(db, writes), cipher, clock, teams.afterCheckinSaved),
  });
  await app.register(progressRoutes, { service: new ProgressService(new ProgressRepository(db), clock) });
  // ── withdrawal ── symptom checks during detox (features/withdrawal).
  await app.register(withdrawalRoutes, {
    service: new WithdrawalService(new WithdrawalRepository(db, writes), cipher, clock),
  });
  // ── plan ── the recovery plan, its versions and the daily actions ticked off (features/plan).
  const plan = new PlanService(new PlanRepository(db, writes), cipher, clock);
  await app.register(planRoutes, { service: plan });

  // ── medications ── medication support: schedules, logged doses, adherence (features/medications).
  await app.register(medicationsRoutes, {
    service: new MedicationsService(new MedicationsRepository(db, writes), cipher, clock),
  });
  // ── craving SOS ── episodes of urges ridden out (features/sos). It reads the plan's trigger ids only.
  await app.register(sosRoutes, {
    service: new SosService(new SosRepository(db), cipher, clock, (memberId) => plan.triggerIds(memberId)),
  });

  // ── journal ── end-to-end encrypted: the server stores ciphertext and wrapped keys only (docs/SECURITY.md).
  await app.register(journalRoutes, {
    service: new JournalService(new JournalRepository(db, writes), clock),
  });

  // ── realtime ── the WebSocket endpoint /api/v1/ws, delivering the bus's events (realtime/hub.ts).
  await registerRealtime(app, {
    bus,
    clock,
    publicUrl: config.publicUrl,
    services: { messages: teams.messages, teams: teams.teams, blocks: teams.blocks, sessions },
  });
}
