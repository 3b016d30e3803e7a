/**
 * Daily check-ins: one per member per local date, created or replaced by PUT (idempotent, case C07). The
 * member's time zone decides which dates exist yet: today and any earlier day can be saved, a day that has not
 * started for them cannot get a new check-in. One already saved on such a day (before a move to a zone further
 * west, where that date has not begun yet) can still be corrected: it is the member's own record. The note and the triggers are the member's own words, so they are encrypted at rest,
 * each bound to its member and date.
 */
import {
  addDays,
  CHECKIN_LIMITS,
  type CheckinInput,
  type CheckinSupport,
  type Clock,
  checkinDateProblem,
  daysBetween,
  detectDanger,
  ERROR_CODES,
  type HaltState,
  localDateAt,
} from "@cairn/core";
import type { FieldCipher } from "../../crypto/field-cipher.ts";
import { AppError, invalidField, notFound } from "../../http/errors.ts";
import type { ActiveSession } from "../sessions/sessions.service.ts";
import type {
  CheckinRow,
  CheckinsRepository,
  OwnedRecovery,
  SavedCheckinRow,
  UseRow,
} from "./checkins.repository.ts";

type Member = Pick<ActiveSession, "memberId" | "timezone">;

/** A check-in with its encrypted columns opened: what the presenter shapes for the wire. */
export interface OpenedCheckin {
  row: SavedCheckinRow;
  uses: UseRow[];
  triggers: string[];
  note: string | null;
  halt: HaltState[];
}

export interface SavedCheckin {
  created: boolean;
  checkin: OpenedCheckin;
  support: CheckinSupport;
}

export interface CheckinRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** Without a range, the list shows the last 30 days ending on the member's today. */
const DEFAULT_RANGE_DAYS = 30;

const noteContext = (memberId: string, date: string) => `checkin-note:${memberId}:${date}`;
const triggersContext = (memberId: string, date: string) => `checkin-triggers:${memberId}:${date}`;

/** Runs after a check-in is committed (the teams feed posts "checked in today"); it is told the saved answers. */
export type AfterCheckinSaved = (member: Member, date: string, checkin: OpenedCheckin) => Promise<void>;

export class CheckinsService {
  constructor(
    private readonly checkins: CheckinsRepository,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly afterSave?: AfterCheckinSaved,
  ) {}

  async save(member: Member, date: string, input: CheckinInput): Promise<SavedCheckin> {
    const futureProblem = checkinDateProblem(date, this.today(member));

    // An empty note is no note: nothing to encrypt or to scan.
    const note = input.note ? input.note : null;
    const uses = [...input.uses]
      .sort((a, b) => (a.recoveryId < b.recoveryId ? -1 : a.recoveryId > b.recoveryId ? 1 : 0))
      .map((u) => ({ recovery_id: u.recoveryId, used: u.used }));
    let owned: OwnedRecovery[] = [];
    const saved = await this.checkins.save(
      {
        member_id: member.memberId,
        date,
        mood: input.mood,
        craving: input.craving,
        confidence: input.confidence,
        triggers_enc: this.cipher.encryptJson(input.triggers, triggersContext(member.memberId, date)),
        halt: JSON.stringify(input.halt),
        sleep_hours: input.sleepHours ?? null,
        note_enc: note === null ? null : this.cipher.encrypt(note, noteContext(member.memberId, date)),
        uses,
      },
      new Date(this.clock()).toISOString(),
      (found) => {
        // Runs inside the write's transaction: a stranger's (or a deleted) recovery refuses the whole save.
        const starts = new Map(found.map((r) => [r.id, r.start_date]));
        input.uses.forEach((use, i) => {
          const start = starts.get(use.recoveryId);
          if (start === undefined) {
            throw invalidField(`uses.${i}.recoveryId`, "That isn't one of your recoveries");
          }
          // A day before a recovery began has nothing to say about it (progress ignores such uses anyway).
          if (date < start)
            throw invalidField(`uses.${i}.recoveryId`, "This recovery had not started on that day");
        });
        owned = found;
      },
      () => {
        if (futureProblem) throw invalidField("date", futureProblem);
      },
    );

    const opioids = new Set(owned.filter((r) => r.substance === "opioids").map((r) => r.id));
    const support: CheckinSupport = {
      danger: note === null ? [] : [...new Set(detectDanger(note).map((finding) => finding.kind))],
      lapse: input.uses.some((u) => u.used),
      opioidLapse: input.uses.some((u) => u.used && opioids.has(u.recoveryId)),
    };
    const checkin: OpenedCheckin = {
      row: saved.row,
      uses: saved.uses,
      triggers: [...input.triggers],
      note,
      halt: [...input.halt],
    };
    // After the commit: the check-in is stored whatever the hook does, and a replayed save re-runs it safely.
    if (this.afterSave) await this.afterSave(member, date, checkin);
    return { created: saved.created, checkin, support };
  }

  async list(member: Member, range: CheckinRange): Promise<OpenedCheckin[]> {
    const to = range.to ?? this.today(member);
    const from = range.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
    if (from > to) {
      throw new AppError(400, ERROR_CODES.invalid, "Some answers need another look", {
        from: "from must not be after to",
      });
    }
    if (daysBetween(from, to) + 1 > CHECKIN_LIMITS.rangeDaysMax) {
      throw new AppError(400, ERROR_CODES.invalid, "Some answers need another look", {
        to: `Ask for at most ${CHECKIN_LIMITS.rangeDaysMax} days at a time`,
      });
    }
    const { rows, uses } = await this.checkins.listBetween(member.memberId, from, to);
    const usesByDate = new Map<string, UseRow[]>();
    for (const use of uses) {
      const list = usesByDate.get(use.date);
      if (list) list.push(use);
      else usesByDate.set(use.date, [use]);
    }
    return rows.map((row) => this.open(row, usesByDate.get(row.date) ?? []));
  }

  async remove(member: Member, date: string): Promise<void> {
    if (!(await this.checkins.deleteFor(member.memberId, date))) throw notFound("A check-in on that day");
  }

  private open(row: CheckinRow, uses: UseRow[]): OpenedCheckin {
    return {
      row,
      uses,
      triggers: this.cipher.decryptJson<string[]>(row.triggers_enc, triggersContext(row.member_id, row.date)),
      note:
        row.note_enc === null
          ? null
          : this.cipher.decrypt(row.note_enc, noteContext(row.member_id, row.date)),
      halt: JSON.parse(row.halt) as HaltState[],
    };
  }

  private today(member: Member): string {
    return localDateAt(this.clock(), member.timezone);
  }
}
