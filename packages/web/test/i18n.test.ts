import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { HALT_STATES, LISTED_TRIGGERS, SUBSTANCES } from "@cairn/core";
import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.ts";
import { localizeCoreMessage, pickLanguage, setupI18n } from "../src/i18n/index.ts";

/** Flattens the nested catalog into "a.b.c" → text. */
function flatten(tree: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

const catalog = flatten(en);
const PLURAL_SUFFIXES = ["_zero", "_one", "_two", "_few", "_many", "_other"];

function hasKey(key: string): boolean {
  return catalog.has(key) || PLURAL_SUFFIXES.some((suffix) => catalog.has(`${key}${suffix}`));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const srcDir = join(import.meta.dirname, "..", "src");
const sources = sourceFiles(srcDir).map((path) => ({ path, text: readFileSync(path, "utf8") }));

describe("the catalog", () => {
  it("uses no stigmatizing words", () => {
    const stigma = /\b(addict\w*|junkie\w*|clean\w*|dirty|abuse\w*|abusing|failure\w*)\b/i;
    const offending = [...catalog].filter(([, text]) => stigma.test(text));
    expect(offending).toEqual([]);
  });

  it("has every key that src passes to t() as a literal", () => {
    const used = new Set<string>();
    for (const { text } of sources) {
      for (const match of text.matchAll(/\bt\(\s*(["'`])([^"'`$]+)\1/g)) used.add(match[2] as string);
      for (const match of text.matchAll(/i18nKey=\s*["']([^"']+)["']/g)) used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !hasKey(key));
    expect(missing).toEqual([]);
  });

  it("has every key-like string literal in src (keys kept in tables, not passed to t() directly)", () => {
    const sections = Object.keys(en).join("|");
    const keyLike = new RegExp(`["'\`]((?:${sections})\\.[A-Za-z0-9_.-]+)["'\`]`, "g");
    const missing: string[] = [];
    for (const { path, text } of sources) {
      if (path.endsWith("en.ts")) continue;
      for (const match of text.matchAll(keyLike)) {
        const key = match[1] as string;
        if (/\.(css|ts|tsx|js)$/.test(key)) continue;
        if (!hasKey(key)) missing.push(`${key} in ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has a word for every substance, trigger, HALT state and mood the screens look up by value", () => {
    const keys = [
      ...SUBSTANCES.map((s) => `substances.${s}`),
      ...LISTED_TRIGGERS.map((t) => `triggers.${t}`),
      ...HALT_STATES.map((h) => `checkin.halt.${h}`),
      ...[1, 2, 3, 4, 5].map((m) => `checkin.mood.${m}`),
    ];
    expect(keys.filter((key) => !catalog.has(key))).toEqual([]);
  });

  it("gives every plural both its one and other form", () => {
    const ones = [...catalog.keys()].filter((k) => k.endsWith("_one")).map((k) => k.slice(0, -4));
    const others = [...catalog.keys()].filter((k) => k.endsWith("_other")).map((k) => k.slice(0, -6));
    expect(ones.sort()).toEqual(others.sort());
    expect(ones.length).toBeGreaterThan(0);
  });

  it("has no empty strings", () => {
    expect([...catalog].filter(([, text]) => text.trim() === "")).toEqual([]);
  });
});

describe("i18next with the catalog", () => {
  const i18n = setupI18n(["en-US"]);

  it("pluralises days", () => {
    expect(i18n.t("progress.days", { count: 1 })).toBe("1 day");
    expect(i18n.t("progress.days", { count: 14 })).toBe("14 days");
    expect(i18n.t("progress.days", { count: 0 })).toBe("0 days");
  });

  it("counts the recovery codes left, in the singular too", () => {
    expect(i18n.t("settings.recoveryCodes.left", { count: 1 })).toBe("You have 1 unused recovery code.");
    expect(i18n.t("settings.recoveryCodes.left", { count: 10 })).toBe("You have 10 unused recovery codes.");
    expect(i18n.t("settings.recoveryCodes.low", { count: 1 })).toMatch(/^Only 1 recovery code left\. /);
    expect(i18n.t("settings.recoveryCodes.low", { count: 3 })).toMatch(/^Only 3 recovery codes left\. /);
  });

  it("builds the next-milestone sentence", () => {
    const days = i18n.t("progress.days", { count: 14 });
    expect(i18n.t("progress.nextMilestone", { days, date: "20 December 2026" })).toBe(
      "Next milestone: 14 days on 20 December 2026",
    );
  });

  it("does not HTML-escape interpolated text (React escapes it)", () => {
    expect(i18n.t("today.greeting", { name: "A&B" })).toBe("Hi, A&B.");
  });

  it("picks a supported language and falls back to English", () => {
    expect(pickLanguage(["en-GB"])).toBe("en");
    expect(pickLanguage(["xx-YY", "fr"])).toBe("en");
  });

  it("shows core's validation messages as written in English", () => {
    expect(localizeCoreMessage("At least 8 characters", "en")).toBe("At least 8 characters");
  });
});
