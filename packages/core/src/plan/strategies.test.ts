import { describe, expect, it } from "vitest";
import { TRIGGER_KINDS, type TriggerKind } from "./schema.ts";
import { COPING_STRATEGIES, suggestCopingSteps } from "./strategies.ts";

const idsFor = (kind: TriggerKind, label: string, copingSteps: string[] = [], limit?: number) =>
  suggestCopingSteps({ kind, label, copingSteps }, limit).map((s) => s.id);

describe("the coping-strategy library", () => {
  it("has a unique id, a step that fits a plan and a plain description for every strategy", () => {
    expect(new Set(COPING_STRATEGIES.map((s) => s.id)).size).toBe(COPING_STRATEGIES.length);
    for (const strategy of COPING_STRATEGIES) {
      expect(strategy.step.length, strategy.id).toBeLessThanOrEqual(80);
      expect(strategy.description.length, strategy.id).toBeGreaterThan(20);
      expect(strategy.kinds.length, strategy.id).toBeGreaterThan(0);
    }
  });

  it("holds the practical strategies the plan promises", () => {
    const ids = COPING_STRATEGIES.map((s) => s.id);
    for (const id of [
      "ride-out",
      "leave",
      "call-someone",
      "delay",
      "move",
      "breathe",
      "eat-or-rest",
      "meeting",
    ]) {
      expect(ids).toContain(id);
    }
  });
});

describe("suggestCopingSteps per trigger kind", () => {
  it.each(TRIGGER_KINDS)("suggests six strategies that fit a %s the library has no words for", (kind) => {
    const suggested = suggestCopingSteps({ kind, label: "Zzyzx" });
    expect(suggested).toHaveLength(6);
    for (const s of suggested) expect(s.kinds).toContain(kind);
  });

  it.each<[TriggerKind, string, string]>([
    ["person", "My old dealer", "cut-contact"],
    ["person", "Mi ex", "cut-contact"],
    ["place", "The bar on 5th", "leave"],
    ["place", "Parties", "sober-company"],
    ["situation", "Payday", "hand-over-money"],
    ["situation", "Arguments at home", "leave"],
    ["situation", "Back pain flaring up", "pain-care"],
    ["feeling", "Lonely", "call-someone"],
    ["feeling", "Bored", "distract"],
    ["feeling", "Angry", "breathe"],
    ["feeling", "Anxious", "breathe"],
    ["time", "Friday nights", "plan-the-hour"],
    ["time", "Sábado por la noche", "plan-the-hour"],
  ])("for the %s %j, suggests %s", (kind, label, id) => {
    expect(idsFor(kind, label)).toContain(id);
  });
});

describe("suggestCopingSteps for common trigger words", () => {
  it.each(["Tired", "So hungry", "exhausted after work", "Hangry", "cansado", "Tengo hambre", "Worn out"])(
    "puts eat-or-rest first for the feeling %j",
    (label) => {
      expect(idsFor("feeling", label)[0]).toBe("eat-or-rest");
    },
  );

  it("puts strategies matching the words before those that only fit the kind", () => {
    const ids = idsFor("place", "The club");
    expect(ids.slice(0, 2)).toEqual(["leave", "sober-company"]);
  });

  it("matches short words only whole, so 'ex' does not match 'exam' nor 'bar' 'barber'", () => {
    expect(idsFor("person", "My exam tutor")).not.toContain("cut-contact");
    expect(idsFor("place", "The barber")[0]).toBe("ride-out");
  });

  it("leaves out steps the member already has, compared without case or punctuation", () => {
    expect(idsFor("feeling", "Tired", ["eat something or rest if i'm hungry or tired"])).not.toContain(
      "eat-or-rest",
    );
  });

  it("returns at most the limit asked for, and none for a limit of 0", () => {
    expect(idsFor("feeling", "Tired", [], 2)).toHaveLength(2);
    expect(idsFor("feeling", "Tired", [], 0)).toEqual([]);
  });

  it("still suggests by kind for an empty or punctuation-only label", () => {
    expect(idsFor("time", "")).toHaveLength(6);
    expect(idsFor("time", "!!!")).toHaveLength(6);
  });
});
