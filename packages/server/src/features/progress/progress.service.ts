/**
 * Progress is computed in core from calendar dates in the member's zone; this service only gathers the member's
 * facts and fixes "today" from the injected clock. Use dates come from the database as one joined string per
 * recovery, read straight into day numbers (`dayNumbersOfList`); the check-in streak comes from the one stored
 * run of check-in days that holds today or yesterday (core progress/runs.ts).
 */
import {
  type Clock,
  computeProgressFromDayNumbers,
  dayNumbersOfList,
  localDateAt,
  type Progress,
  type RecoveryDayNumbers,
  toDayNumber,
} from "@cairn/core";
import type { ActiveSession } from "../sessions/sessions.service.ts";
import type { ProgressRepository } from "./progress.repository.ts";

type Member = Pick<ActiveSession, "memberId" | "timezone">;

export class ProgressService {
  constructor(
    private readonly progress: ProgressRepository,
    private readonly clock: Clock,
  ) {}

  async forMember(member: Member): Promise<Progress> {
    const today = localDateAt(this.clock(), member.timezone);
    const facts = await this.progress.factsFor(member.memberId, today);
    const recoveries: RecoveryDayNumbers[] = facts.recoveries.map((r) => ({
      id: r.id,
      substance: r.substance as RecoveryDayNumbers["substance"],
      label: r.label,
      startDate: r.start_date,
      dailyCostCents: r.daily_cost_cents,
      useDays: dayNumbersOfList(r.use_dates ?? ""),
    }));
    return computeProgressFromDayNumbers({
      today,
      timezone: member.timezone,
      recoveries,
      checkinRun: facts.checkinRun
        ? { first: toDayNumber(facts.checkinRun.first_date), last: toDayNumber(facts.checkinRun.last_date) }
        : null,
    });
  }
}
