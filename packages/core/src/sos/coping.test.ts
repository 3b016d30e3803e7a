import { describe, expect, it } from "vitest";
import type { PlanTrigger } from "../plan/schema.ts";
import { copingStepsFor, planTriggerFor } from "./coping.ts";

const PAYDAY: PlanTrigger = {
  id: "0b9f3b3e-1a51-4c0e-9a5a-111111111111",
  kind: "time",
  label: "Payday",
  copingSteps: ["Give my card to my sister", "Go to the evening meeting"],
};
const LONELY: PlanTrigger = {
  id: "0b9f3b3e-1a51-4c0e-9a5a-222222222222",
  kind: "feeling",
  label: "Lonely nights",
  copingSteps: ["Call Sam", "go to the evening meeting"],
};
const GENERAL = ["Ride out the urge", "Call Sam"];

describe("copingStepsFor", () => {
  it("puts the member's own steps for the chosen trigger first, then their others, then general ones", () => {
    const steps = copingStepsFor([PAYDAY, LONELY], { planTriggerId: LONELY.id }, GENERAL);
    expect(steps.trigger).toBe(LONELY);
    expect(steps.forTrigger).toEqual(["Call Sam", "go to the evening meeting"]);
    // Each step once: the same words in another case or list are not repeated.
    expect(steps.others).toEqual(["Give my card to my sister", "Ride out the urge"]);
  });

  it("finds the plan trigger by its words when the member picked them from another list or typed them", () => {
    expect(planTriggerFor([PAYDAY, LONELY], { trigger: "  payday " })).toBe(PAYDAY);
    expect(copingStepsFor([PAYDAY], { trigger: "PAYDAY" }, []).forTrigger).toEqual(PAYDAY.copingSteps);
  });

  it("prefers the chosen id over matching words", () => {
    expect(planTriggerFor([PAYDAY, LONELY], { planTriggerId: PAYDAY.id, trigger: "Lonely nights" })).toBe(
      PAYDAY,
    );
  });

  it("falls back to the words when the chosen trigger is no longer in the plan", () => {
    const gone = { planTriggerId: "0b9f3b3e-1a51-4c0e-9a5a-999999999999", trigger: "Lonely nights" };
    expect(planTriggerFor([PAYDAY, LONELY], gone)).toBe(LONELY);
  });

  it("offers only general steps with no plan or no trigger named", () => {
    expect(copingStepsFor([], {}, GENERAL)).toEqual({ trigger: undefined, forTrigger: [], others: GENERAL });
    expect(copingStepsFor([PAYDAY], { trigger: "stress" }, []).others).toEqual(PAYDAY.copingSteps);
  });
});
