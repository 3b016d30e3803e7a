/**
 * Withdrawal symptom checks, the member's alone: every read and write is scoped to the signed-in member, so
 * nobody else's checks can be named, read or changed. The server stamps each check with its own time and the
 * member's local date (core `withdrawalCheckDate`); the note is encrypted at rest, bound to member and check,
 * and the danger-language detector runs on it as on a check-in note.
 */
import { randomUUID } from "node:crypto";
import {
  addDays,
  type Clock,
  daysBetween,
  detectDanger,
  ERROR_CODES,
  localDateAt,
  WITHDRAWAL_LIMITS,
  type WithdrawalCheckInput,
  type WithdrawalCheckSaved,
  type WithdrawalRatings,
  withdrawalCheckDate,
  withdrawalTotal,
} from "@cairn/core";
import type { FieldCipher } from "../../crypto/field-cipher.ts";
import { AppError, conflict } from "../../http/errors.ts";
import type { ActiveSession } from "../sessions/sessions.service.ts";
import type { WithdrawalCheckRow, WithdrawalRepository } from "./withdrawal.repository.ts";

type Member = Pick<ActiveSession, "memberId" | "timezone">;

/** A check with its note opened: what the presenter shapes for the wire. */
export interface OpenedWithdrawalCheck {
  row: WithdrawalCheckRow;
  ratings: WithdrawalRatings;
  note: string | null;
}

const noteContext = (memberId: string, id: string) => `withdrawal-note:${memberId}:${id}`;

const rangeProblem = (field: "from" | "to", message: string) =>
  new AppError(400, ERROR_CODES.invalid, "Some answers need another look", { [field]: message });

export class WithdrawalService {
  constructor(
    private readonly checks: WithdrawalRepository,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async record(
    member: Member,
    input: WithdrawalCheckInput,
  ): Promise<{ check: OpenedWithdrawalCheck; support: WithdrawalCheckSaved["support"] }> {
    const now = this.clock();
    const id = randomUUID();
    // An empty note is no note: nothing to encrypt or to scan.
    const note = input.note ? input.note : null;
    const row: WithdrawalCheckRow = {
      id,
      member_id: member.memberId,
      date: withdrawalCheckDate(now, member.timezone),
      taken_at: new Date(now).toISOString(),
      ratings: JSON.stringify(input.ratings),
      total: withdrawalTotal(input.ratings),
      note_enc: note === null ? null : this.cipher.encrypt(note, noteContext(member.memberId, id)),
    };
    if (!(await this.checks.insertWithinDailyLimit(row, WITHDRAWAL_LIMITS.checksPerDayMax))) {
      throw conflict(
        "date",
        `You've recorded ${WITHDRAWAL_LIMITS.checksPerDayMax} checks today, the most Cairn keeps in a day`,
      );
    }
    const danger = note === null ? [] : [...new Set(detectDanger(note).map((finding) => finding.kind))];
    return { check: { row, ratings: { ...input.ratings }, note }, support: { danger } };
  }

  /** From `from` to `to` (the member's dates); by default the last 14 days ending on their today. */
  async list(member: Member, range: { from?: string | undefined; to?: string | undefined }) {
    const to = range.to ?? localDateAt(this.clock(), member.timezone);
    const from = range.from ?? addDays(to, -(WITHDRAWAL_LIMITS.defaultRangeDays - 1));
    if (from > to) throw rangeProblem("from", "from must not be after to");
    if (daysBetween(from, to) + 1 > WITHDRAWAL_LIMITS.rangeDaysMax) {
      throw rangeProblem("to", `Ask for at most ${WITHDRAWAL_LIMITS.rangeDaysMax} days at a time`);
    }
    const rows = await this.checks.listBetween(member.memberId, from, to);
    return rows.map((row) => this.open(row));
  }

  private open(row: WithdrawalCheckRow): OpenedWithdrawalCheck {
    return {
      row,
      ratings: JSON.parse(row.ratings) as WithdrawalRatings,
      note:
        row.note_enc === null ? null : this.cipher.decrypt(row.note_enc, noteContext(row.member_id, row.id)),
    };
  }
}
