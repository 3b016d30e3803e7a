/** The symptom form's state and what it sends: pure, so it is unit-tested without a browser. */
import {
  WITHDRAWAL_SYMPTOMS,
  type WithdrawalCheckInput,
  type WithdrawalRatings,
  type WithdrawalSymptom,
  withdrawalTotal,
} from "@cairn/core";

export interface WithdrawalFormState {
  /** A symptom not rated yet has no entry: the form never assumes 0. */
  ratings: Partial<Record<WithdrawalSymptom, number>>;
  note: string;
}

export const emptyWithdrawalForm = (): WithdrawalFormState => ({ ratings: {}, note: "" });

/** What is sent; core's schema (the server's) then names each symptom still unrated. */
export function toWithdrawalInput(state: WithdrawalFormState): WithdrawalCheckInput {
  const note = state.note.trim();
  return { ratings: state.ratings as WithdrawalRatings, ...(note ? { note } : {}) };
}

/** The running total of what is rated so far, and how many are. */
export function ratedSoFar(state: WithdrawalFormState): { total: number; rated: number } {
  const rated = WITHDRAWAL_SYMPTOMS.filter((s) => state.ratings[s] !== undefined);
  const ratings = Object.fromEntries(WITHDRAWAL_SYMPTOMS.map((s) => [s, state.ratings[s] ?? 0]));
  return { total: withdrawalTotal(ratings as WithdrawalRatings), rated: rated.length };
}
