/**
 * Which day counts are worth celebrating: 1, 7, 14, 30, 60, 90, 180 and 365 days, then every anniversary of
 * the current run. The day count itself always comes from the API (`currentDays`), so every screen agrees.
 */
import { parseLocalDate } from "@cairn/core";

export const MILESTONE_DAYS = [1, 7, 14, 30, 60, 90, 180, 365] as const;

export function isMilestoneDay(currentDays: number, soberSince: string, today: string): boolean {
  if ((MILESTONE_DAYS as readonly number[]).includes(currentDays)) return true;
  if (currentDays < 365) return false;
  const since = parseLocalDate(soberSince);
  const now = parseLocalDate(today);
  if (!since || !now || now.year <= since.year) return false;
  if (since.month === now.month && since.day === now.day) return true;
  // A run that began on 29 February is celebrated on 28 February in other years.
  const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return since.month === 2 && since.day === 29 && now.month === 2 && now.day === 28 && !isLeap(now.year);
}
