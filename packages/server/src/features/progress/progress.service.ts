/**
 * Progress is computed in core (`computeProgress`) from calendar dates in the member's zone; this service only
 * gathers the member's facts and fixes "today" from the injected clock.
 */
import { type Clock, computeProgress, localDateAt, type Progress, type RecoveryRecord } from "@cairn/core";
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
    const facts = await this.progress.factsFor(member.memberId);
    const recoveries: RecoveryRecord[] = facts.recoveries.map((r) => ({
      id: r.id,
      substance: r.substance as RecoveryRecord["substance"],
      label: r.label,
      startDate: r.start_date,
      dailyCostCents: r.daily_cost_cents,
      useDates: splitDates(r.use_dates),
    }));
    const checkinDates = splitDates(facts.checkinDates);
    return computeProgress({
      today,
      timezone: member.timezone,
      recoveries,
      checkinDates,
    });
  }
}

function splitDates(joined: string | null): string[] {
  return joined ? joined.split(",") : [];
}
