import { describe, expect, it } from "vitest";
import { fieldErrors } from "../http/errors.ts";
import { doseLogInputSchema, medicationInputSchema, medicationPatchSchema } from "./schema.ts";

const valid = {
  kind: "buprenorphine",
  dose: { text: "8 mg/2 mg film" },
  schedule: { kind: "daily", times: ["08:00"], startDate: "2026-12-01" },
};
const fields = (schema: typeof medicationInputSchema | typeof doseLogInputSchema, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? {} : fieldErrors(result.error.issues);
};

describe("medicationInputSchema", () => {
  it("accepts a dose as an amount with a unit or as the member's own words", () => {
    expect(fields(medicationInputSchema, valid)).toEqual({});
    expect(fields(medicationInputSchema, { ...valid, dose: { amount: 60, unit: "mg" } })).toEqual({});
  });

  it("asks for the name of another medication", () => {
    expect(fields(medicationInputSchema, { ...valid, kind: "other" })).toEqual({
      name: "Say which medication this is",
    });
  });

  it.each([
    [{ ...valid, dose: { amount: 0, unit: "mg" } }, "dose.amount"],
    [{ ...valid, dose: {} }, "dose"],
    [{ ...valid, kind: "heroin" }, "kind"],
    [{ ...valid, clinic: "x".repeat(121) }, "clinic"],
    [{ ...valid, notes: "x".repeat(1001) }, "notes"],
    [{ ...valid, takeHome: { remaining: 61 } }, "takeHome.remaining"],
    [{ ...valid, takeHome: { remaining: 2, nextPickup: "2026-13-01" } }, "takeHome.nextPickup"],
    [{ ...valid, colour: "blue" }, "colour"],
  ])("refuses %j naming the field %s", (value, field) => {
    expect(Object.keys(fields(medicationInputSchema, value))).toContain(field);
  });

  it("lets a change name only the fields it changes", () => {
    expect(medicationPatchSchema.safeParse({ clinic: "Main St clinic" }).success).toBe(true);
  });
});

describe("doseLogInputSchema", () => {
  it.each([
    [{ date: "2026-12-03", time: "25:00", status: "taken" }, "time"],
    [{ date: "2026-12-03", time: "8am", status: "taken" }, "time"],
    [{ date: "2026-02-30", time: "08:00", status: "taken" }, "date"],
    [{ date: "2026-12-03", time: "08:00", status: "skipped" }, "status"],
  ])("refuses %j naming the field %s", (value, field) => {
    expect(Object.keys(fields(doseLogInputSchema, value))).toEqual([field]);
  });
});
