import { fieldErrors, type Resources, withdrawalCheckInputSchema } from "@cairn/core";
import { describe, expect, it } from "vitest";
import { RESOURCES_KEY, readCachedResources } from "../src/features/help/resourcesCache.ts";
import { emptyWithdrawalForm, ratedSoFar, toWithdrawalInput } from "../src/features/withdrawal/form.ts";

describe("the withdrawal symptom form", () => {
  it("sends nothing for an unrated symptom, so core names each one still to rate", () => {
    const state = { ...emptyWithdrawalForm(), ratings: { nausea: 2, vomiting: 0 } };
    const parsed = withdrawalCheckInputSchema.safeParse(toWithdrawalInput(state));
    const fields = Object.keys(fieldErrors(parsed.error?.issues ?? []));
    expect(fields).toHaveLength(10);
    expect(fields).not.toContain("ratings.nausea");
    expect(fields).toContain("ratings.restlessness");
  });

  it("counts the running total and how many are rated, 0 counted as rated", () => {
    expect(ratedSoFar(emptyWithdrawalForm())).toEqual({ total: 0, rated: 0 });
    expect(ratedSoFar({ ratings: { nausea: 3, vomiting: 0, anxiety: 4 }, note: "" })).toEqual({
      total: 7,
      rated: 3,
    });
  });

  it("sends a trimmed note, and no note when it is blank", () => {
    expect(toWithdrawalInput({ ratings: {}, note: "  shaky  " }).note).toBe("shaky");
    expect("note" in toWithdrawalInput({ ratings: {}, note: "   " })).toBe(false);
  });
});

describe("a help copy saved before the overdose page", () => {
  it("still shows, with no safer-use lines until the next fetch", () => {
    const old = {
      region: "us",
      language: "en",
      emergencyNumber: "911",
      crisis: [{ id: "988", name: "988", description: "Call or text", phone: "988" }],
      overdose: { signs: ["Slow breathing"], steps: ["Call 911"], naloxone: ["Spray"], neverUseAlone: [] },
      afterOpioidUse: ["Tolerance drops fast."],
    };
    const store = new Map<string, string>([[RESOURCES_KEY, JSON.stringify({ savedAt: 5, resources: old })]]);
    const storage = { getItem: (key: string) => store.get(key) ?? null } as Storage;
    const read = readCachedResources(storage);
    expect(read?.resources.overdose.saferUse).toEqual([]);
    expect(read?.resources.overdose.signs).toEqual(["Slow breathing"]);
    const current: Resources = { ...old, overdose: { ...old.overdose, saferUse: ["Start low."] } };
    store.set(RESOURCES_KEY, JSON.stringify({ savedAt: 6, resources: current }));
    expect(readCachedResources(storage)?.resources).toEqual(current);
  });
});
