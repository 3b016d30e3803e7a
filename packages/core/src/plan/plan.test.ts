import { describe, expect, it } from "vitest";
import { actionsDateProblem, planSaveSchema } from "./api.ts";
import { EMPTY_PLAN, type PlanInput } from "./schema.ts";
import { planDanger, planTexts } from "./text.ts";

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const plan: PlanInput = {
  reasons: ["My kids"],
  triggers: [{ id: id(1), kind: "feeling", label: "Tired", copingSteps: ["Rest"] }],
  warningSigns: ["Skipping meals"],
  dailyActions: [{ id: id(2), kind: "meeting", label: "Noon meeting" }],
  supportPeople: [{ id: id(3), name: "Sam", relation: "sponsor", phone: null }],
  professionalHelp: [{ id: id(4), kind: "pharmacy", name: "Main St Pharmacy", phone: null, address: null }],
  naloxoneLocation: "Kitchen drawer",
};

describe("planTexts", () => {
  it("lists every piece of the member's text in reading order", () => {
    expect(planTexts(plan)).toEqual([
      "My kids",
      "Tired",
      "Rest",
      "Skipping meals",
      "Noon meeting",
      "Sam",
      "Main St Pharmacy",
      "Kitchen drawer",
    ]);
  });

  it("is empty for an empty plan", () => {
    expect(planTexts(EMPTY_PLAN)).toEqual([]);
  });
});

describe("planDanger", () => {
  it("finds danger language in any newly written part of the plan", () => {
    const next = {
      ...plan,
      triggers: [
        {
          id: id(5),
          kind: "feeling" as const,
          label: "Tired",
          copingSteps: ["I took too many pills last time"],
        },
      ],
    };
    expect(planDanger(plan, next)).toEqual({ danger: ["overdose"] });
  });

  it("stays quiet about text the previous version already had", () => {
    const risky = { ...plan, warningSigns: ["Thinking about killing myself"] };
    expect(planDanger(EMPTY_PLAN, risky)).toEqual({ danger: ["suicide"] });
    expect(planDanger(risky, { ...risky, reasons: ["My kids", "My health"] })).toEqual({ danger: [] });
  });

  it("names each kind once however many lines hold it", () => {
    const next = { ...plan, warningSigns: ["I want to kill myself", "I want to end my life"] };
    expect(planDanger(EMPTY_PLAN, next)).toEqual({ danger: ["suicide"] });
  });
});

describe("planSaveSchema", () => {
  it("takes the plan alone, or with the version it was edited from", () => {
    expect(planSaveSchema.parse(plan)).toEqual(plan);
    expect(planSaveSchema.parse({ ...plan, baseVersion: 3 })).toEqual({ ...plan, baseVersion: 3 });
  });

  it("refuses a base version that is not a whole number from 0", () => {
    for (const baseVersion of [-1, 1.5, "2"]) {
      expect(planSaveSchema.safeParse({ ...plan, baseVersion }).success).toBe(false);
    }
  });
});

describe("actionsDateProblem", () => {
  it("allows today and earlier days, and refuses a day that has not begun", () => {
    expect(actionsDateProblem("2026-12-03", "2026-12-03")).toBeUndefined();
    expect(actionsDateProblem("2025-12-31", "2026-01-01")).toBeUndefined();
    expect(actionsDateProblem("2026-12-04", "2026-12-03")).toMatch(/hasn't started/);
  });
});
