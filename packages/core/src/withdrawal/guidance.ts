/**
 * When to seek medical help during withdrawal: plain rules over the member's own checks, never medical advice
 * beyond "talk to a clinician today" or "go to urgent care now". The rules are a rough guide, not a clinical
 * scale; whatever they say, the page always offers "if you feel unsafe, get help now".
 */
import { daysBetween } from "../dates/calendar.ts";
import { type DatedTotal, withdrawalCourse } from "./course.ts";
import { RATING_MAX, type WithdrawalRatings } from "./schema.ts";

/** Vomiting or diarrhoea rated this high (the top two ratings): fluids may not be staying down. */
export const FLUIDS_RATING = RATING_MAX - 1;
/** A total this high (of 48) is severe: get seen now. */
export const VERY_HIGH_TOTAL = 37;
/** A total this high (of 48) is strong: talk to a clinician today. */
export const HIGH_TOTAL = 25;
/** Withdrawal from short-acting opioids usually peaks within about 3 days; rising after that is worth a call. */
export const WORSENING_AFTER_DAYS = 3;
/** How much higher the last day's peak must be than the day before's to count as getting worse. */
export const WORSENING_MIN_RISE = 3;

export type GuidanceReason = "fluids" | "very-high-total" | "high-total" | "getting-worse";

export interface WithdrawalGuidance {
  /** "now": urgent care or a clinician now; "today": talk to a clinician today; "watch": keep checking. */
  urgency: "now" | "today" | "watch";
  /** Why, most urgent first; empty when nothing stands out (or there is no check yet). */
  reasons: GuidanceReason[];
  /** The total of the latest check, or null with no checks. */
  latestTotal: number | null;
}

export interface GuidanceCheck extends DatedTotal {
  ratings: Pick<WithdrawalRatings, "vomiting" | "diarrhoea">;
}

export function withdrawalGuidance(checks: readonly GuidanceCheck[]): WithdrawalGuidance {
  const latest = [...checks]
    .sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0))
    .at(-1);
  if (!latest) return { urgency: "watch", reasons: [], latestTotal: null };

  const reasons: GuidanceReason[] = [];
  if (latest.ratings.vomiting >= FLUIDS_RATING || latest.ratings.diarrhoea >= FLUIDS_RATING)
    reasons.push("fluids");
  if (latest.total >= VERY_HIGH_TOTAL) reasons.push("very-high-total");
  else if (latest.total >= HIGH_TOTAL) reasons.push("high-total");
  if (gettingWorse(checks)) reasons.push("getting-worse");

  const urgency = reasons.some((r) => r === "fluids" || r === "very-high-total")
    ? "now"
    : reasons.length > 0
      ? "today"
      : "watch";
  return { urgency, reasons, latestTotal: latest.total };
}

/** Several days in, the last day's peak is clearly above the previous recorded day's. */
function gettingWorse(checks: readonly DatedTotal[]): boolean {
  const days = withdrawalCourse(checks);
  const first = days[0];
  const last = days.at(-1);
  const before = days.at(-2);
  if (!first || !last || !before) return false;
  return (
    daysBetween(first.date, last.date) >= WORSENING_AFTER_DAYS &&
    last.highest - before.highest >= WORSENING_MIN_RISE
  );
}
