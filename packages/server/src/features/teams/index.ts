/**
 * Wires the teams feature: teams and members, invites, messages, moderation (reports, blocks) and the feed.
 * Each service gets only the repositories it needs; all publish on the one live bus.
 */
import type { Clock } from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { Config } from "../../config/config.ts";
import type { FieldCipher } from "../../crypto/field-cipher.ts";
import type { Db, Writes } from "../../db/database.ts";
import type { LiveEventBus } from "../../realtime/events.ts";
import type { AfterCheckinSaved } from "../checkins/checkins.service.ts";
import { ProgressRepository } from "../progress/progress.repository.ts";
import { ProgressService } from "../progress/progress.service.ts";
import { BlocksService } from "./blocks.service.ts";
import { FeedRepository } from "./feed.repository.ts";
import feedRoutes from "./feed.routes.ts";
import { TeamFeed } from "./feed.service.ts";
import { InvitesRepository } from "./invites.repository.ts";
import invitesRoutes from "./invites.routes.ts";
import { InvitesService } from "./invites.service.ts";
import { MessagesRepository } from "./messages.repository.ts";
import messagesRoutes from "./messages.routes.ts";
import { MessagesService } from "./messages.service.ts";
import { ModerationRepository } from "./moderation.repository.ts";
import moderationRoutes from "./moderation.routes.ts";
import { ReportsService } from "./reports.service.ts";
import { SendLimiter } from "./send-limiter.ts";
import { TeamsRepository } from "./teams.repository.ts";
import teamsRoutes from "./teams.routes.ts";
import { TeamsService } from "./teams.service.ts";

export interface TeamsDeps {
  db: Db;
  writes: Writes;
  config: Config;
  clock: Clock;
  cipher: FieldCipher;
  bus: LiveEventBus;
}

export interface TeamsFeature {
  teams: TeamsService;
  messages: MessagesService;
  blocks: BlocksService;
  feed: TeamFeed;
  /** The check-ins feature calls this after a check-in is committed. */
  afterCheckinSaved: AfterCheckinSaved;
}

export async function registerTeams(app: FastifyInstance, deps: TeamsDeps): Promise<TeamsFeature> {
  const { db, writes, config, clock, cipher, bus } = deps;
  const teamsRepository = new TeamsRepository(db, writes);
  const teams = new TeamsService(teamsRepository, bus, clock);
  const limiter = new SendLimiter(config.teams.sendLimit, clock);
  const messages = new MessagesService(
    new MessagesRepository(db, writes),
    teams,
    cipher,
    bus,
    limiter,
    clock,
  );
  const moderation = new ModerationRepository(db);
  const blocks = new BlocksService(moderation, bus, clock);
  const reports = new ReportsService(moderation, teams, messages, cipher, clock);
  const invites = new InvitesService(new InvitesRepository(db), teamsRepository, teams, config.teams, clock);
  const progress = new ProgressService(new ProgressRepository(db), clock);
  const feed = new TeamFeed(new FeedRepository(db), teams, messages, (m) => progress.forMember(m), clock);

  await app.register(teamsRoutes, { teams });
  await app.register(invitesRoutes, { invites, now: () => teams.now() });
  await app.register(messagesRoutes, { messages });
  await app.register(moderationRoutes, { reports, blocks });
  await app.register(feedRoutes, { feed });
  return {
    teams,
    messages,
    blocks,
    feed,
    afterCheckinSaved: (member, date, checkin) => feed.checkinSaved(member, date, checkin.row),
  };
}
