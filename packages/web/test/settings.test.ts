import { type Recovery, SUBSTANCES } from "@cairn/core";
import { describe, expect, it } from "vitest";
import { checkReasons, checkRecovery } from "../src/features/onboarding/draft.ts";
import { reasonLines, reasonsPatch } from "../src/features/settings/profile.ts";
import { recoveryDraftOf, recoveryPatch, substancesToAdd } from "../src/features/settings/recoveries.ts";

const TODAY = "2026-12-03";
const FUTURE = "The start date can't be in the future";

function recovery(patch: Partial<Recovery> = {}): Recovery {
  return {
    id: "r1",
    substance: "alcohol",
    label: null,
    startDate: "2026-11-01",
    dailyCost: null,
    createdAt: "2026-11-01T10:00:00.000Z",
    ...patch,
  };
}

describe("checkRecovery", () => {
  it("asks what is being recovered from when nothing is chosen", () => {
    const result = checkRecovery(undefined, { startDate: TODAY, dailyCost: "", label: "" }, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields)).toEqual(["substance"]);
  });

  it("refuses a start after the latest allowed day with core's message, and allows today", () => {
    expect(checkRecovery("alcohol", { startDate: "2026-12-04", dailyCost: "", label: "" }, TODAY)).toEqual({
      ok: false,
      fields: { startDate: FUTURE },
    });
    expect(checkRecovery("alcohol", { startDate: TODAY, dailyCost: "12,50", label: "" }, TODAY)).toEqual({
      ok: true,
      data: { substance: "alcohol", startDate: TODAY, dailyCost: 12.5 },
    });
  });

  it("does not look at the date's day when no latest day is given", () => {
    expect(
      checkRecovery("alcohol", { startDate: "2026-12-04", dailyCost: "", label: "" }, undefined).ok,
    ).toBe(true);
  });
});

describe("checkReasons", () => {
  it("drops blank lines and trims", () => {
    expect(checkReasons(["  My kids ", "", "Feel well"])).toEqual({
      ok: true,
      data: ["My kids", "Feel well"],
    });
    expect(checkReasons(["", " "])).toEqual({ ok: true, data: [] });
  });

  it("keys a problem by the line it was typed in", () => {
    const result = checkReasons(["", "ok", "", "x".repeat(301)]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields)).toEqual(["reasons.3"]);
  });
});

describe("reasonsPatch", () => {
  it("is null when the reasons are the saved ones", () => {
    expect(reasonsPatch(["My kids"], [" My kids", ""])).toBeNull();
    expect(reasonsPatch([], [""])).toBeNull();
  });

  it("sends the whole new list, an empty one too", () => {
    expect(reasonsPatch(["My kids"], ["My kids", "My health"])).toEqual({
      ok: true,
      data: { reasons: ["My kids", "My health"] },
    });
    expect(reasonsPatch(["My kids"], [""])).toEqual({ ok: true, data: { reasons: [] } });
  });

  it("starts from the saved reasons, or one empty line", () => {
    expect(reasonLines(["a", "b"])).toEqual(["a", "b"]);
    expect(reasonLines([])).toEqual([""]);
  });
});

describe("recoveryPatch", () => {
  it("starts the form from what is saved", () => {
    expect(recoveryDraftOf(recovery({ dailyCost: 12.5, label: "Kratom", substance: "other" }))).toEqual({
      startDate: "2026-11-01",
      dailyCost: "12.5",
      label: "Kratom",
    });
  });

  it("is null when nothing changed", () => {
    const saved = recovery({ dailyCost: 20 });
    expect(recoveryPatch(saved, recoveryDraftOf(saved), TODAY)).toBeNull();
    expect(recoveryPatch(saved, { ...recoveryDraftOf(saved), dailyCost: " 20.00 " }, TODAY)).toBeNull();
  });

  it("sends only what changed", () => {
    const saved = recovery({ dailyCost: 20 });
    expect(recoveryPatch(saved, { ...recoveryDraftOf(saved), startDate: "2026-10-15" }, TODAY)).toEqual({
      ok: true,
      data: { startDate: "2026-10-15" },
    });
    expect(recoveryPatch(saved, { ...recoveryDraftOf(saved), dailyCost: "" }, TODAY)).toEqual({
      ok: true,
      data: { dailyCost: null },
    });
  });

  it("refuses a changed start date in the future with core's message", () => {
    const saved = recovery();
    expect(recoveryPatch(saved, { ...recoveryDraftOf(saved), startDate: "2026-12-04" }, TODAY)).toEqual({
      ok: false,
      fields: { startDate: FUTURE },
    });
  });

  it("lets the cost be corrected even if the saved start is now after today (the zone changed)", () => {
    const saved = recovery({ startDate: "2026-12-04" });
    expect(recoveryPatch(saved, { ...recoveryDraftOf(saved), dailyCost: "5" }, TODAY)).toEqual({
      ok: true,
      data: { dailyCost: 5 },
    });
  });

  it("edits the label of 'Other' and refuses to clear it", () => {
    const saved = recovery({ substance: "other", label: "Kratom" });
    expect(recoveryPatch(saved, { ...recoveryDraftOf(saved), label: " Kava " }, TODAY)).toEqual({
      ok: true,
      data: { label: "Kava" },
    });
    const cleared = recoveryPatch(saved, { ...recoveryDraftOf(saved), label: " " }, TODAY);
    expect(cleared).toEqual({ ok: false, fields: { label: "Say what you are recovering from" } });
  });

  it("leaves the label of a listed substance alone", () => {
    const saved = recovery({ label: "Wine" });
    expect(recoveryPatch(saved, { ...recoveryDraftOf(saved), label: "" }, TODAY)).toBeNull();
  });

  it("refuses a cost that is not an amount", () => {
    const saved = recovery();
    const result = recoveryPatch(saved, { ...recoveryDraftOf(saved), dailyCost: "ten" }, TODAY);
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expect(Object.keys(result.fields)).toEqual(["dailyCost"]);
  });
});

describe("substancesToAdd", () => {
  it("offers what is not followed yet, and always 'Other'", () => {
    const followed = [recovery({ substance: "alcohol" }), recovery({ substance: "other", label: "Kratom" })];
    const offered = substancesToAdd(SUBSTANCES, followed);
    expect(offered).not.toContain("alcohol");
    expect(offered).toContain("other");
    expect(offered).toHaveLength(SUBSTANCES.length - 1);
  });
});
