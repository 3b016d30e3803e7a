import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors } from "./errors.ts";

const schema = z.strictObject({
  name: z.string(),
  tags: z.array(z.string()),
  count: z.int(),
  kept: z.boolean(),
  named: z.string({ error: "Give it a name" }),
});

function errorsOf(value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  return result.success ? {} : fieldErrors(result.error.issues);
}

describe("fieldErrors", () => {
  it("says in plain words what kind of value a field needs, instead of zod's generic wording", () => {
    expect(errorsOf({ name: 3, tags: "a", count: "2", kept: "yes", named: "x" })).toEqual({
      name: "Expected text",
      tags: "Expected a list",
      count: "Expected a number",
      kept: "Expected true or false",
    });
  });

  it("says a missing field is required, and keeps a schema's own words", () => {
    expect(errorsOf({ tags: [], count: 1, kept: true })).toEqual({
      name: "This is required",
      named: "Give it a name",
    });
  });

  it("names each unknown field and a body that is not an object", () => {
    expect(errorsOf({ name: "a", tags: [], count: 1, kept: true, named: "b", extra: 1 })).toEqual({
      extra: "Unknown field",
    });
    expect(errorsOf("text")).toEqual({ body: "Expected an object with fields" });
  });
});
