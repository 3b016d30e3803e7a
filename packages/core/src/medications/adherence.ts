/**
 * What the member sees about their doses: today's doses with their state, upcoming clinic visits, and
 * adherence over the last 30 days. Pure arithmetic over the schedules and the logged doses; the clock and the
 * member's zone are passed in. A dose counts once its time has come (or once it is logged); an unlogged dose
 * is "not logged", never assumed missed, and a percentage over no doses is null, not 0 % or 100 %.
 */
import { addDays, type LocalDate, maxDate } from "../dates/calendar.ts";
import { doseLogOpensAt, type ScheduledDose, scheduledDoses, timesOn } from "./schedule.ts";
import {
  type Adherence,
  type AdherenceCounts,
  type DoseState,
  type DoseStatus,
  type DueDose,
  MEDICATION_LIMITS,
  type Schedule,
  type Visit,
} from "./schema.ts";

export interface ScheduledMedication {
  id: string;
  schedule: Schedule;
  atClinic: boolean;
  takeHome: { nextPickup?: string | null | undefined } | null;
}

export interface LoggedDose {
  medicationId: string;
  date: LocalDate;
  time: string;
  status: DoseStatus;
}

/** Missed or unlogged doses in this many recent days bring the gentle "talk to your prescriber" prompt. */
const PRESCRIBER_PROMPT_DAYS = 7;

const slotKey = (medicationId: string, date: string, time: string) => `${medicationId}|${date}|${time}`;

function logIndex(logs: readonly LoggedDose[]): Map<string, DoseStatus> {
  return new Map(logs.map((log) => [slotKey(log.medicationId, log.date, log.time), log.status]));
}

/** The state of one scheduled dose at `now`: what was logged, else upcoming until it may be taken, then due. */
export function doseState(dose: ScheduledDose, logged: DoseStatus | undefined, now: number): DoseState {
  if (logged) return logged;
  return now < doseLogOpensAt(dose.at, "taken") ? "upcoming" : "due";
}

/** Today's doses of every medication in time order, each with its state. */
export function dosesToday(
  medications: readonly ScheduledMedication[],
  logs: readonly LoggedDose[],
  today: LocalDate,
  now: number,
  timeZone: string,
): DueDose[] {
  const logged = logIndex(logs);
  return medications
    .flatMap((medication) =>
      scheduledDoses(medication.schedule, today, today, timeZone).map((dose) => ({
        medicationId: medication.id,
        date: dose.date,
        time: dose.time,
        at: new Date(dose.at).toISOString(),
        state: doseState(dose, logged.get(slotKey(medication.id, dose.date, dose.time)), now),
        sortAt: dose.at,
      })),
    )
    .sort((a, b) => a.sortAt - b.sortAt)
    .map(({ sortAt: _, ...dose }) => dose);
}

/** Clinic doses and take-home pickup days from today through the next 14 days, in date order. */
export function upcomingVisits(medications: readonly ScheduledMedication[], today: LocalDate): Visit[] {
  const last = addDays(today, MEDICATION_LIMITS.visitDays - 1);
  const visits: Visit[] = [];
  for (const medication of medications) {
    const pickup = medication.takeHome?.nextPickup;
    if (pickup && pickup >= today && pickup <= last) {
      visits.push({ medicationId: medication.id, date: pickup, time: null, kind: "pickup" });
    }
    if (!medication.atClinic) continue;
    for (let date = today; date <= last; date = addDays(date, 1)) {
      for (const time of timesOn(medication.schedule, date)) {
        visits.push({ medicationId: medication.id, date, time, kind: "dose" });
      }
    }
  }
  return visits.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.time ?? "").localeCompare(b.time ?? ""),
  );
}

function emptyCounts(): AdherenceCounts {
  return { onTime: 0, late: 0, missed: 0, notLogged: 0, scheduled: 0, takenPercent: null };
}

function count(counts: AdherenceCounts, status: DoseStatus | undefined): void {
  if (status === "taken") counts.onTime++;
  else if (status === "late") counts.late++;
  else if (status === "missed") counts.missed++;
  else counts.notLogged++;
  counts.scheduled++;
  counts.takenPercent = Math.round(((counts.onTime + counts.late) * 100) / counts.scheduled);
}

/** Adherence over the last 30 days ending today: totals, per medication and per day. */
export function adherence(
  medications: readonly ScheduledMedication[],
  logs: readonly LoggedDose[],
  today: LocalDate,
  now: number,
  timeZone: string,
): Adherence {
  const from = addDays(today, -(MEDICATION_LIMITS.adherenceDays - 1));
  const promptFrom = addDays(today, -(PRESCRIBER_PROMPT_DAYS - 1));
  const logged = logIndex(logs);
  const total = emptyCounts();
  const byDay = new Map<string, AdherenceCounts>();
  for (let date = from; date <= today; date = addDays(date, 1)) byDay.set(date, emptyCounts());
  let suggestPrescriber = false;

  const perMedication = medications.map((medication) => {
    const counts = emptyCounts();
    const start = maxDate(from, medication.schedule.startDate);
    for (const dose of scheduledDoses(medication.schedule, start, today, timeZone)) {
      const status = logged.get(slotKey(medication.id, dose.date, dose.time));
      // A dose still ahead counts only once logged (taken a little early).
      if (dose.at > now && !status) continue;
      for (const bucket of [counts, total, byDay.get(dose.date) as AdherenceCounts]) count(bucket, status);
      if (dose.date >= promptFrom && status === "missed") suggestPrescriber = true;
    }
    return { medicationId: medication.id, counts };
  });

  return {
    from,
    to: today,
    total,
    medications: perMedication,
    days: [...byDay].map(([date, counts]) => ({ date, counts })),
    suggestPrescriber,
  };
}
