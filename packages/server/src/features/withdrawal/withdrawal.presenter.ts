import { WITHDRAWAL_SYMPTOMS, type WithdrawalCheck, type WithdrawalRatings } from "@cairn/core";
import type { OpenedWithdrawalCheck } from "./withdrawal.service.ts";

/** The fields of a check that reach the wire: its owner and the ciphertext never do. */
export function presentWithdrawalCheck({ row, ratings, note }: OpenedWithdrawalCheck): WithdrawalCheck {
  return {
    id: row.id,
    takenAt: row.taken_at,
    date: row.date,
    // Only the known symptoms, in the form's order.
    ratings: Object.fromEntries(WITHDRAWAL_SYMPTOMS.map((s) => [s, ratings[s]])) as WithdrawalRatings,
    total: row.total,
    note,
  };
}
