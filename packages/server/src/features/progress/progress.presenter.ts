import type { Progress } from "@cairn/core";

/** Progress holds only numbers and dates computed for the member; this names each field that is sent. */
export function presentProgress(progress: Progress): Progress {
  return {
    today: progress.today,
    timezone: progress.timezone,
    checkinStreak: progress.checkinStreak,
    recoveries: progress.recoveries.map((r) => ({
      id: r.id,
      substance: r.substance,
      label: r.label,
      startDate: r.startDate,
      soberSince: r.soberSince,
      currentDays: r.currentDays,
      longestDays: r.longestDays,
      totalSoberDays: r.totalSoberDays,
      soberDaysLast30: r.soberDaysLast30,
      nextMilestone: { days: r.nextMilestone.days, date: r.nextMilestone.date },
      ...(r.moneyNotSpent === undefined ? {} : { moneyNotSpent: r.moneyNotSpent }),
      lastUseDate: r.lastUseDate,
    })),
  };
}
