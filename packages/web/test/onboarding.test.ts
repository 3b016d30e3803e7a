import { describe, expect, it } from "vitest";
import { followZone, type OnboardingDraft, planOnboarding } from "../src/features/onboarding/draft.ts";

const TODAY = "2026-12-03";
const CHOOSE = "Choose at least one.";

function draft(patch: Partial<OnboardingDraft>): OnboardingDraft {
  return { selected: [], recoveries: {}, timezone: "America/New_York", reasons: ["", ""], ...patch };
}

describe("planOnboarding", () => {
  it("asks for at least one recovery", () => {
    const result = planOnboarding(draft({}), TODAY, CHOOSE);
    expect(result).toEqual({ ok: false, fields: { substances: CHOOSE } });
  });

  it("builds the member patch and one recovery input per choice", () => {
    const result = planOnboarding(
      draft({
        selected: ["opioids", "alcohol"],
        recoveries: {
          opioids: { startDate: "2026-11-20", dailyCost: "40", label: "" },
          alcohol: { startDate: TODAY, dailyCost: "", label: "" },
        },
        reasons: ["My kids", "  ", "Feel well again"],
      }),
      TODAY,
      CHOOSE,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.patch).toEqual({
      timezone: "America/New_York",
      reasons: ["My kids", "Feel well again"],
    });
    expect(result.data.recoveries).toEqual([
      { substance: "opioids", input: { substance: "opioids", startDate: "2026-11-20", dailyCost: 40 } },
      { substance: "alcohol", input: { substance: "alcohol", startDate: TODAY } },
    ]);
  });

  it("refuses a start date in the future with core's message", () => {
    const result = planOnboarding(
      draft({
        selected: ["alcohol"],
        recoveries: { alcohol: { startDate: "2026-12-04", dailyCost: "", label: "" } },
      }),
      TODAY,
      CHOOSE,
    );
    expect(result).toEqual({
      ok: false,
      fields: { "alcohol.startDate": "The start date can't be in the future" },
    });
  });

  it("asks what 'Other' is", () => {
    const result = planOnboarding(
      draft({ selected: ["other"], recoveries: { other: { startDate: TODAY, dailyCost: "", label: "  " } } }),
      TODAY,
      CHOOSE,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields["other.label"]).toBe("Say what you are recovering from");
  });

  it("refuses a daily cost that is not an amount", () => {
    const result = planOnboarding(
      draft({
        selected: ["nicotine"],
        recoveries: { nicotine: { startDate: TODAY, dailyCost: "ten", label: "" } },
      }),
      TODAY,
      CHOOSE,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields["nicotine.dailyCost"]).toBeDefined();
  });

  it("puts a reason's error on the line the member typed it in, skipping blank lines", () => {
    const result = planOnboarding(
      draft({
        selected: ["gambling"],
        recoveries: { gambling: { startDate: TODAY, dailyCost: "", label: "" } },
        reasons: ["", "x".repeat(301)],
      }),
      TODAY,
      CHOOSE,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields)).toEqual(["reasons.1"]);
  });

  it("refuses an unknown time zone", () => {
    const result = planOnboarding(
      draft({
        selected: ["cannabis"],
        recoveries: { cannabis: { startDate: TODAY, dailyCost: "", label: "" } },
        timezone: "Mars/Olympus",
      }),
      TODAY,
      CHOOSE,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields.timezone).toBeDefined();
  });
});

describe("followZone", () => {
  it("moves an untouched start date to the new zone's today and keeps a chosen one", () => {
    const recoveries: OnboardingDraft["recoveries"] = {
      opioids: { startDate: "2026-12-04", dailyCost: "", label: "" },
      alcohol: { startDate: "2026-11-20", dailyCost: "12", label: "" },
    };
    expect(followZone(recoveries, "2026-12-04", "2026-12-05")).toEqual({
      opioids: { startDate: "2026-12-05", dailyCost: "", label: "" },
      alcohol: { startDate: "2026-11-20", dailyCost: "12", label: "" },
    });
  });
});
