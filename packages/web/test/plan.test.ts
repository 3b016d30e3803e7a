import { EMPTY_PLAN, type PlanInput, planSaveSchema } from "@cairn/core";
import { describe, expect, it } from "vitest";
import { newId, toDraft, toPlanSave, withoutBlankLines } from "../src/features/plan/draft.ts";
import { sectionOf } from "../src/features/plan/sections.tsx";

const plan: PlanInput = {
  ...EMPTY_PLAN,
  reasons: ["My kids"],
  triggers: [{ id: newId(), kind: "time", label: "Friday nights", copingSteps: ["Call Sam"] }],
  supportPeople: [{ id: newId(), name: "Sam", relation: "sponsor", phone: null }],
  professionalHelp: [{ id: newId(), kind: "pharmacy", name: "Main St", phone: "555 0100", address: null }],
};

describe("the plan editor's draft", () => {
  it("edits empty optional texts as empty strings and sends them back as null", () => {
    const draft = toDraft(plan);
    expect(draft.supportPeople[0]?.phone).toBe("");
    expect(draft.naloxoneLocation).toBe("");
    expect(toPlanSave(draft, 3)).toEqual({ ...plan, baseVersion: 3 });
  });

  it("treats an optional text of only spaces as none", () => {
    const draft = { ...toDraft(plan), naloxoneLocation: "   " };
    expect(toPlanSave(draft, 0).naloxoneLocation).toBeNull();
  });

  it("drops blank lines from the text lists before checking, and keeps everything else", () => {
    const draft = toDraft({
      ...plan,
      reasons: ["", "My kids", "  "],
      warningSigns: [" "],
      triggers: [{ ...(plan.triggers[0] as PlanInput["triggers"][number]), copingSteps: ["", "Call Sam"] }],
    });
    expect(withoutBlankLines(draft)).toEqual(toDraft(plan));
  });

  it("makes ids the server accepts, a new one each time", () => {
    const ids = Array.from({ length: 50 }, newId);
    expect(new Set(ids).size).toBe(50);
    const body = toPlanSave(
      toDraft({
        ...plan,
        dailyActions: ids.slice(0, 20).map((id) => ({ id, kind: "other", label: "Walk" })),
      }),
      0,
    );
    expect(planSaveSchema.safeParse(body).success).toBe(true);
  });
});

describe("sectionOf", () => {
  it.each([
    ["reasons.2", "reasons"],
    ["triggers", "triggers"],
    ["triggers.0.label", "triggers"],
    ["triggers.1.copingSteps.3", "coping"],
    ["warningSigns.0", "warningSigns"],
    ["dailyActions.0.label", "dailyActions"],
    ["supportPeople.0.phone", "people"],
    ["professionalHelp.1.address", "professional"],
    ["naloxoneLocation", "professional"],
    ["baseVersion", "reasons"],
  ])("puts an error on %s in the %s step", (path, section) => {
    expect(sectionOf(path)).toBe(section);
  });
});
