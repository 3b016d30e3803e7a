/**
 * Craving SOS episodes. The server's clock marks the start and the end, so a device with a wrong clock can't
 * make an urge look longer or shorter than it was. Ending is once: the same ending sent again (a retry after a
 * lost answer) gets the stored episode back, a different one is a 409. The member's words are encrypted, each
 * bound to its member and episode, and scanned for danger language so help opens at once. A start may name
 * the plan trigger it came from: only one of the member's own current plan's triggers is taken.
 */
import { randomUUID } from "node:crypto";
import {
  type Clock,
  dangerInWords,
  ERROR_CODES,
  SOS_LIMITS,
  type SosEnd,
  type SosStart,
  type SosSupport,
  type UrgeSummary,
  urgeSummary,
} from "@cairn/core";
import type { FieldCipher } from "../../crypto/field-cipher.ts";
import { AppError, invalidField, notFound } from "../../http/errors.ts";
import type { ActiveSession } from "../sessions/sessions.service.ts";
import type { SosEpisodeRow, SosRepository } from "./sos.repository.ts";

type Member = Pick<ActiveSession, "memberId">;

/** An episode with its encrypted columns opened: what the presenter shapes for the wire. */
export interface OpenedEpisode {
  row: SosEpisodeRow;
  trigger: string | null;
  helped: string[];
  note: string | null;
}

export interface SavedEpisode {
  episode: OpenedEpisode;
  support: SosSupport;
}

/** The ids of the triggers in a member's current plan (from the plan feature, features/index.ts). */
export type PlanTriggerIds = (memberId: string) => Promise<readonly string[]>;

const alreadyEnded = () =>
  new AppError(409, ERROR_CODES.conflict, "This SOS has already ended; start a new one if the urge is back");

const context = (field: string, row: Pick<SosEpisodeRow, "member_id" | "id">) =>
  `sos-${field}:${row.member_id}:${row.id}`;

export class SosService {
  constructor(
    private readonly episodes: SosRepository,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly planTriggerIds: PlanTriggerIds,
  ) {}

  async start(member: Member, input: SosStart): Promise<SavedEpisode> {
    const planTriggerId = input.planTriggerId ?? null;
    if (planTriggerId !== null && !(await this.planTriggerIds(member.memberId)).includes(planTriggerId)) {
      throw invalidField("planTriggerId", "That isn't one of the triggers in your plan");
    }
    const keys = { member_id: member.memberId, id: randomUUID() };
    const trigger = input.trigger ?? null;
    const row: SosEpisodeRow = {
      ...keys,
      started_at: this.now(),
      ended_at: null,
      minutes: input.minutes ?? SOS_LIMITS.minutesDefault,
      craving_start: input.craving,
      craving_end: null,
      trigger_enc: trigger === null ? null : this.cipher.encrypt(trigger, context("trigger", keys)),
      plan_trigger_id: planTriggerId,
      helped_enc: null,
      note_enc: null,
    };
    await this.episodes.insert(row);
    return {
      episode: { row, trigger, helped: [], note: null },
      support: { danger: dangerInWords([trigger]) },
    };
  }

  async end(member: Member, id: string, input: SosEnd): Promise<SavedEpisode> {
    const existing = await this.episodes.findFor(member.memberId, id);
    if (!existing) throw notFound("That SOS");
    const note = input.note ? input.note : null;
    const support = { danger: dangerInWords([...input.helped, note]) };
    const ended =
      existing.ended_at === null
        ? await this.episodes.endFor(member.memberId, id, {
            ended_at: this.now(),
            craving_end: input.craving,
            helped_enc: this.cipher.encryptJson(input.helped, context("helped", existing)),
            note_enc: note === null ? null : this.cipher.encrypt(note, context("note", existing)),
          })
        : undefined;
    if (ended) return { episode: this.open(ended), support };

    // Already ended (maybe by a request that raced this one): the same ending is a retry, another is refused.
    const stored = this.open((await this.episodes.findFor(member.memberId, id)) ?? existing);
    const same =
      stored.row.craving_end === input.craving &&
      stored.note === note &&
      JSON.stringify(stored.helped) === JSON.stringify(input.helped);
    if (!same) throw alreadyEnded();
    return { episode: stored, support };
  }

  /**
   * "5 more minutes": the timer's new length, kept so that a tab or device that picks the ride up counts to
   * the same end. The same length sent again is a no-op; an ended episode keeps the length it ended with (409).
   */
  async setMinutes(member: Member, id: string, minutes: number): Promise<OpenedEpisode> {
    const updated = await this.episodes.setMinutesFor(member.memberId, id, minutes);
    if (updated) return this.open(updated);
    const existing = await this.episodes.findFor(member.memberId, id);
    if (!existing) throw notFound("That SOS");
    throw alreadyEnded();
  }

  async list(member: Member, limit: number): Promise<{ episodes: OpenedEpisode[]; summary: UrgeSummary }> {
    const [rows, ratings] = await Promise.all([
      this.episodes.latestFor(member.memberId, limit),
      this.episodes.ratingsFor(member.memberId),
    ]);
    return {
      episodes: rows.map((row) => this.open(row)),
      summary: urgeSummary(
        ratings.map((r) => ({ cravingStart: r.craving_start, cravingEnd: r.craving_end })),
      ),
    };
  }

  private open(row: SosEpisodeRow): OpenedEpisode {
    return {
      row,
      trigger:
        row.trigger_enc === null ? null : this.cipher.decrypt(row.trigger_enc, context("trigger", row)),
      helped:
        row.helped_enc === null
          ? []
          : this.cipher.decryptJson<string[]>(row.helped_enc, context("helped", row)),
      note: row.note_enc === null ? null : this.cipher.decrypt(row.note_enc, context("note", row)),
    };
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
