import type { Checkin } from "@cairn/core";
import type { OpenedCheckin } from "./checkins.service.ts";

/** The fields of a check-in that reach the wire: its owner and the ciphertext never do. */
export function presentCheckin({ row, uses, triggers, note, halt }: OpenedCheckin): Checkin {
  return {
    date: row.date,
    uses: uses.map((u) => ({ recoveryId: u.recovery_id, used: u.used === 1 })),
    mood: row.mood,
    craving: row.craving,
    confidence: row.confidence,
    triggers,
    halt,
    sleepHours: row.sleep_hours,
    note,
    updatedAt: row.updated_at,
  };
}
