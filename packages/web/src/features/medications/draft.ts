/**
 * The medication form's values as typed (text for numbers, so a half-typed amount stays as written) and their
 * conversion to what the API takes. Core's schema checks the result, so the form shows the server's words.
 */
import type { DOSE_UNITS, Medication, MedicationInput, MedicationKind, Schedule } from "@cairn/core";
import type { TFunction } from "i18next";

export type DoseUnit = (typeof DOSE_UNITS)[number];

export interface MedicationDraft {
  kind: MedicationKind;
  name: string;
  doseMode: "amount" | "text";
  amount: string;
  unit: DoseUnit;
  doseText: string;
  scheduleKind: Schedule["kind"];
  times: string[];
  every: string;
  everyUnit: "days" | "weeks";
  time: string;
  day: string;
  startDate: string;
  endDate: string;
  atClinic: boolean;
  clinic: string;
  notes: string;
  remaining: string;
  nextPickup: string;
}

export function emptyDraft(today: string): MedicationDraft {
  return {
    kind: "buprenorphine",
    name: "",
    doseMode: "text",
    amount: "",
    unit: "mg",
    doseText: "",
    scheduleKind: "daily",
    times: ["08:00"],
    every: "4",
    everyUnit: "weeks",
    time: "08:00",
    day: "1",
    startDate: today,
    endDate: "",
    atClinic: false,
    clinic: "",
    notes: "",
    remaining: "",
    nextPickup: "",
  };
}

/** A number as typed: empty stays undefined (the schema says what is missing), anything else is Number(). */
const numberOf = (text: string) => (text.trim() === "" ? undefined : Number(text));
const textOrNull = (text: string) => (text.trim() === "" ? null : text);

function scheduleOf(draft: MedicationDraft): unknown {
  const bounds = { startDate: draft.startDate, endDate: textOrNull(draft.endDate) };
  if (draft.scheduleKind === "daily") return { kind: "daily", times: draft.times, ...bounds };
  if (draft.scheduleKind === "interval") {
    return {
      kind: "interval",
      every: numberOf(draft.every),
      unit: draft.everyUnit,
      time: draft.time,
      ...bounds,
    };
  }
  return { kind: "monthly", day: numberOf(draft.day), time: draft.time, ...bounds };
}

/** What the form sends, before core's schema checks it. */
export function inputOf(draft: MedicationDraft): MedicationInput {
  const remaining = numberOf(draft.remaining);
  return {
    kind: draft.kind,
    name: draft.kind === "other" ? textOrNull(draft.name) : null,
    dose:
      draft.doseMode === "amount"
        ? { amount: numberOf(draft.amount) as number, unit: draft.unit }
        : { text: draft.doseText },
    schedule: scheduleOf(draft) as Schedule,
    atClinic: draft.atClinic,
    clinic: textOrNull(draft.clinic),
    notes: textOrNull(draft.notes),
    takeHome:
      remaining === undefined && draft.nextPickup === ""
        ? null
        : { remaining: remaining as number, nextPickup: textOrNull(draft.nextPickup) },
  };
}

/** The form's values for a stored medication. */
export function draftOf(medication: Medication, today: string): MedicationDraft {
  const { dose, schedule } = medication;
  const base = emptyDraft(today);
  return {
    ...base,
    kind: medication.kind,
    name: medication.name ?? "",
    ...("text" in dose
      ? { doseMode: "text" as const, doseText: dose.text }
      : { doseMode: "amount" as const, amount: String(dose.amount), unit: dose.unit }),
    scheduleKind: schedule.kind,
    ...(schedule.kind === "daily" ? { times: schedule.times } : { time: schedule.time }),
    ...(schedule.kind === "interval" ? { every: String(schedule.every), everyUnit: schedule.unit } : {}),
    ...(schedule.kind === "monthly" ? { day: String(schedule.day) } : {}),
    startDate: schedule.startDate,
    endDate: schedule.endDate ?? "",
    atClinic: medication.atClinic,
    clinic: medication.clinic ?? "",
    notes: medication.notes ?? "",
    remaining: medication.takeHome ? String(medication.takeHome.remaining) : "",
    nextPickup: medication.takeHome?.nextPickup ?? "",
  };
}

/** The name a person reads: their own for "another medication", else the medication's. */
export function medicationName(t: TFunction, medication: Pick<Medication, "kind" | "name">): string {
  return medication.kind === "other" && medication.name
    ? medication.name
    : t(`medications.kinds.${medication.kind}`);
}

/** The schedule in words: "Every day at 08:00 and 20:00", "Every 4 weeks at 10:00". */
export function describeSchedule(t: TFunction, schedule: Schedule, language: string): string {
  if (schedule.kind === "daily") {
    const times = new Intl.ListFormat(language, { type: "conjunction" }).format(schedule.times);
    return t("medications.schedule.daily", { times });
  }
  if (schedule.kind === "interval") {
    const key = schedule.unit === "weeks" ? "everyWeeks" : "everyDays";
    return t(`medications.schedule.${key}`, { count: schedule.every, time: schedule.time });
  }
  return t("medications.schedule.monthly", { day: schedule.day, time: schedule.time });
}
