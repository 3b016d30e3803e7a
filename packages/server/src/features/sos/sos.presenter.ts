import { episodeDurationSeconds, type SosEpisode } from "@cairn/core";
import type { OpenedEpisode } from "./sos.service.ts";

/** The fields of an episode that reach the wire: its owner and the ciphertext never do. */
export function presentEpisode({ row, trigger, helped, note }: OpenedEpisode): SosEpisode {
  return {
    id: row.id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    minutes: row.minutes,
    cravingStart: row.craving_start,
    cravingEnd: row.craving_end,
    trigger,
    planTriggerId: row.plan_trigger_id,
    helped,
    note,
    durationSeconds: episodeDurationSeconds(row.started_at, row.ended_at),
  };
}
