import type { Recovery, Substance } from "@cairn/core";
import type { RecoveryRow } from "./recoveries.repository.ts";

/** The fields of a recovery that reach the wire; the owner's id and anything added later stay behind. */
export function presentRecovery(row: RecoveryRow): Recovery {
  return {
    id: row.id,
    substance: row.substance as Substance,
    label: row.label,
    startDate: row.start_date,
    dailyCost: row.daily_cost_cents === null ? null : row.daily_cost_cents / 100,
    createdAt: row.created_at,
  };
}
