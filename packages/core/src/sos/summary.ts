/** "12 urges ridden out; average craving fell from 7 to 3": the member's own record of urges that passed. */
import type { UrgeSummary } from "./schema.ts";

export interface EpisodeRatings {
  cravingStart: number;
  /** Null while the episode is open: it counts once the member has re-rated it. */
  cravingEnd: number | null;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function urgeSummary(episodes: readonly EpisodeRatings[]): UrgeSummary {
  const finished = episodes.filter(
    (e): e is { cravingStart: number; cravingEnd: number } => e.cravingEnd !== null,
  );
  if (finished.length === 0) return { ridden: 0, eased: 0, averageStart: null, averageEnd: null };
  const sum = (pick: (e: { cravingStart: number; cravingEnd: number }) => number) =>
    finished.reduce((total, e) => total + pick(e), 0);
  return {
    ridden: finished.length,
    eased: finished.filter((e) => e.cravingEnd < e.cravingStart).length,
    averageStart: oneDecimal(sum((e) => e.cravingStart) / finished.length),
    averageEnd: oneDecimal(sum((e) => e.cravingEnd) / finished.length),
  };
}

/** Whole seconds from start to end on the server's clock; never negative (a clock set back reads 0). */
export function episodeDurationSeconds(startedAt: string, endedAt: string | null): number | null {
  if (endedAt === null) return null;
  return Math.max(0, Math.floor((Date.parse(endedAt) - Date.parse(startedAt)) / 1000));
}
