import { type DueDose, localDateTimeAt, type Medication, medicationInputSchema } from "@cairn/core";
import { describe, expect, it } from "vitest";
import { answersOffered } from "../src/features/medications/doses.ts";
import { draftOf, emptyDraft, inputOf } from "../src/features/medications/draft.ts";
import { validate } from "../src/lib/forms.ts";

const TODAY = "2026-12-03";

function medication(patch: Partial<Medication> = {}): Medication {
  return {
    id: "m1",
    kind: "methadone",
    name: null,
    dose: { amount: 60, unit: "mg" },
    schedule: {
      kind: "interval",
      every: 2,
      unit: "days",
      time: "07:30",
      startDate: "2026-11-01",
      endDate: null,
    },
    atClinic: true,
    clinic: "Harbor clinic",
    notes: null,
    takeHome: { remaining: 3, nextPickup: "2026-12-07" },
    createdAt: "2026-11-01T10:00:00.000Z",
    updatedAt: "2026-11-01T10:00:00.000Z",
    ...patch,
  };
}

describe("the medication form's values", () => {
  it("send what was stored when a stored medication is saved unchanged", () => {
    const stored = medication();
    const sent = validate(medicationInputSchema, inputOf(draftOf(stored, TODAY)));
    expect(sent).toEqual({
      ok: true,
      data: {
        kind: "methadone",
        name: null,
        dose: { amount: 60, unit: "mg" },
        schedule: stored.schedule,
        atClinic: true,
        clinic: "Harbor clinic",
        notes: null,
        takeHome: { remaining: 3, nextPickup: "2026-12-07" },
      },
    });
  });

  it("start as a daily 08:00 dose from today with no take-home doses", () => {
    const input = inputOf({ ...emptyDraft(TODAY), doseText: "8 mg/2 mg film" });
    expect(input.schedule).toEqual({ kind: "daily", times: ["08:00"], startDate: TODAY, endDate: null });
    expect(input.takeHome).toBeNull();
    expect(validate(medicationInputSchema, input).ok).toBe(true);
  });

  it("put core's message beside the field for a time that does not exist and for a missing amount", () => {
    const badTime = validate(
      medicationInputSchema,
      inputOf({ ...emptyDraft(TODAY), doseText: "8 mg", times: ["08:00", ""] }),
    );
    expect(badTime).toEqual({
      ok: false,
      fields: { "schedule.times.1": "Use a 24-hour time like 08:00 (00:00 to 23:59)" },
    });
    const noAmount = validate(
      medicationInputSchema,
      inputOf({ ...emptyDraft(TODAY), doseMode: "amount", amount: "" }),
    );
    expect(noAmount.ok).toBe(false);
    if (!noAmount.ok) expect(Object.keys(noAmount.fields)).toEqual(["dose"]);
  });

  it("keep another medication's name and drop a stale one when the kind changes", () => {
    const other = inputOf({ ...emptyDraft(TODAY), kind: "other", name: "Clonidine", doseText: "0.1 mg" });
    expect(other.name).toBe("Clonidine");
    expect(
      inputOf({ ...emptyDraft(TODAY), kind: "methadone", name: "Clonidine", doseText: "60 mg" }).name,
    ).toBeNull();
  });
});

describe("the answers a dose on Today offers", () => {
  // Buprenorphine daily at 08:00 in New York: 13:00 UTC on 2026-12-04.
  const dose = (state: DueDose["state"]): DueDose => ({
    medicationId: "m1",
    date: "2026-12-04",
    time: "08:00",
    at: "2026-12-04T13:00:00.000Z",
    state,
  });
  const memberTime = (iso: string) => {
    const { hour, minute } = localDateTimeAt(Date.parse(iso), "America/New_York");
    return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  };

  it("offers only 'taken' at 06:58, before the dose's time, where the server refuses late or missed", () => {
    const now = "2026-12-04T11:58:00Z";
    expect(memberTime(now)).toBe("06:58");
    expect(answersOffered(dose("due"), Date.parse(now))).toEqual(["taken"]);
    expect(answersOffered(dose("taken"), Date.parse(now))).toEqual(["taken"]);
  });

  it("offers every answer from 08:00 on, and none while the dose is still upcoming", () => {
    expect(answersOffered(dose("due"), Date.parse("2026-12-04T13:00:00Z"))).toEqual([
      "taken",
      "late",
      "missed",
    ]);
    expect(answersOffered(dose("upcoming"), Date.parse("2026-12-04T10:00:00Z"))).toEqual([]);
  });
});
