/**
 * What a member is recovering from, and since when. Rules: a start date is today or earlier on the member's
 * own calendar; "other" always keeps a label; one recovery per substance (but several "other"); at most
 * RECOVERY_LIMITS.recoveriesMax each. Another member's
 * recovery is "not found", never "forbidden", so ids reveal nothing about who else uses Cairn.
 */
import { randomUUID } from "node:crypto";
import {
  type Clock,
  ERROR_CODES,
  localDateAt,
  RECOVERY_LIMITS,
  type RecoveryInput,
  type RecoveryPatch,
  startDateProblem,
} from "@cairn/core";
import { AppError, conflict, invalidField, notFound } from "../../http/errors.ts";
import type { ActiveSession } from "../sessions/sessions.service.ts";
import type { RecoveriesRepository, RecoveryChanges, RecoveryRow } from "./recoveries.repository.ts";

type Member = Pick<ActiveSession, "memberId" | "timezone">;

/** Money is kept in whole cents so sums stay exact. */
export function toCents(amount: number | null | undefined): number | null {
  return amount === null || amount === undefined ? null : Math.round(amount * 100);
}

export class RecoveriesService {
  constructor(
    private readonly recoveries: RecoveriesRepository,
    private readonly clock: Clock,
  ) {}

  list(member: Member): Promise<RecoveryRow[]> {
    return this.recoveries.listFor(member.memberId);
  }

  async create(member: Member, input: RecoveryInput): Promise<RecoveryRow> {
    this.checkStartDate(member, input.startDate);
    const existing = await this.recoveries.listFor(member.memberId);
    // One recovery per substance keeps one count per substance; "other" may name several behaviours.
    if (input.substance !== "other" && existing.some((r) => r.substance === input.substance)) {
      throw conflict("substance", "You already follow this one; change its start date instead");
    }
    if (existing.length >= RECOVERY_LIMITS.recoveriesMax) {
      throw new AppError(
        422,
        ERROR_CODES.invalid,
        `You can follow at most ${RECOVERY_LIMITS.recoveriesMax} recoveries`,
      );
    }
    const row: RecoveryRow = {
      id: randomUUID(),
      member_id: member.memberId,
      substance: input.substance,
      label: input.label ?? null,
      start_date: input.startDate,
      daily_cost_cents: toCents(input.dailyCost),
      created_at: new Date(this.clock()).toISOString(),
    };
    await this.recoveries.insert(row);
    return row;
  }

  async update(member: Member, id: string, patch: RecoveryPatch): Promise<RecoveryRow> {
    const existing = await this.recoveries.findFor(member.memberId, id);
    if (!existing) throw notFound("That recovery");
    if (patch.startDate !== undefined) this.checkStartDate(member, patch.startDate);
    if (existing.substance === "other" && patch.label === null) {
      throw invalidField("label", "Say what you are recovering from");
    }
    const changes: RecoveryChanges = {};
    if (patch.label !== undefined) changes.label = patch.label;
    if (patch.startDate !== undefined) changes.start_date = patch.startDate;
    if (patch.dailyCost !== undefined) changes.daily_cost_cents = toCents(patch.dailyCost);
    const updated = await this.recoveries.updateFor(member.memberId, id, changes);
    if (!updated) throw notFound("That recovery");
    return updated;
  }

  async remove(member: Member, id: string): Promise<void> {
    if (!(await this.recoveries.deleteFor(member.memberId, id))) throw notFound("That recovery");
  }

  private checkStartDate(member: Member, startDate: string): void {
    const problem = startDateProblem(startDate, localDateAt(this.clock(), member.timezone));
    if (problem) throw invalidField("startDate", problem);
  }
}
