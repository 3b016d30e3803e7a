import { localDateAt, minDate, type Recovery } from "@cairn/core";

/** The first day there can be anything to show: the account's creation or the earliest recovery start. */
export function earliestRelevantDate(
  createdAt: string,
  timeZone: string,
  recoveries: readonly Recovery[],
): string {
  const created = Number.isNaN(Date.parse(createdAt))
    ? undefined
    : localDateAt(Date.parse(createdAt), timeZone);
  let earliest = created;
  for (const recovery of recoveries)
    earliest = earliest ? minDate(earliest, recovery.startDate) : recovery.startDate;
  return earliest ?? "0001-01-01";
}
