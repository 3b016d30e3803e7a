import { daysBetween, type LocalDate } from "../dates/calendar.ts";
import type { Substance } from "../recoveries/schema.ts";

/** Acute opioid withdrawal is over within days to a couple of weeks; Today offers the tracker for three. */
export const WITHDRAWAL_OFFER_DAYS = 21;

/**
 * Whether Today offers the withdrawal tracker: the member is recovering from opioids and that recovery began
 * in the last three weeks (day 1 to day 21). The tracker stays open to everyone from Settings.
 */
export function offersWithdrawalTracker(
  recoveries: readonly { substance: Substance; startDate: LocalDate }[],
  today: LocalDate,
): boolean {
  return recoveries.some((r) => {
    if (r.substance !== "opioids") return false;
    const days = daysBetween(r.startDate, today);
    return days >= 0 && days < WITHDRAWAL_OFFER_DAYS;
  });
}
