import { describe, expect, it } from "vitest";
import { escapeMarkdown, journalToJson, journalToMarkdown } from "./export.ts";
import { C08_TEXT, C09_BODIES, openedEntry } from "./test-entries.ts";

const EXPORTED_AT = "2026-12-03T20:00:00.000Z";
const bytes = (text: string) => new TextEncoder().encode(text);

/** Does `haystack` contain `needle` as the same UTF-8 bytes? */
function containsBytes(haystack: string, needle: string): boolean {
  const h = bytes(haystack);
  const n = bytes(needle);
  outer: for (let i = 0; i + n.length <= h.length; i++) {
    for (let j = 0; j < n.length; j++) if (h[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

describe("journal export", () => {
  it("writes emoji byte for byte in JSON and Markdown (C08)", () => {
    const entry = openedEntry({ title: C08_TEXT, body: C08_TEXT, tags: ["💪🏽"] });
    const json = journalToJson([entry], EXPORTED_AT);
    expect(JSON.parse(json).entries[0].body).toBe(C08_TEXT);
    expect(containsBytes(json, C08_TEXT)).toBe(true);
    expect(containsBytes(journalToMarkdown([entry], EXPORTED_AT), C08_TEXT)).toBe(true);
  });

  it("keeps every field in JSON, exactly as written, markup included (C09)", () => {
    const entries = C09_BODIES.map((body) => openedEntry({ body }));
    const document = JSON.parse(journalToJson(entries, EXPORTED_AT));
    expect(document).toMatchObject({ format: "cairn-journal", formatVersion: 1, exportedAt: EXPORTED_AT });
    expect(document.entries.map((e: { body: string }) => e.body).sort()).toEqual([...C09_BODIES].sort());
  });

  it("escapes markup in Markdown so a viewer shows it as text (C09)", () => {
    const markdown = journalToMarkdown(
      C09_BODIES.map((body) => openedEntry({ body, title: "<b>bold</b>" })),
      EXPORTED_AT,
    );
    // No tag can open: every < is escaped.
    expect(markdown).not.toMatch(/(^|[^\\])</m);
    expect(markdown).toContain("\\<script\\>alert\\(1\\)\\</script\\>");
    expect(markdown).toContain('\\<iframe src="https://example.com"\\>\\</iframe\\>');
  });

  it("escapes Markdown's own markup, at the start of a line and within it", () => {
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
    expect(escapeMarkdown("- not a list\n1. nor this\n> nor a quote")).toBe(
      "\\- not a list  \n1\\. nor this  \n\\> nor a quote",
    );
    expect(escapeMarkdown("[a link](https://x.test) *stars* _under_ `code` &amp;")).toBe(
      "\\[a link\\]\\(https://x.test\\) \\*stars\\* \\_under\\_ \\`code\\` \\&amp;",
    );
  });

  it("keeps the member's line breaks and paragraphs", () => {
    expect(escapeMarkdown("one\ntwo\n\nthree")).toBe("one  \ntwo\n\nthree");
  });

  it("writes each entry under its date with mood, tags and the prompt's answers in order", () => {
    const entry = openedEntry({
      date: "2026-11-30",
      title: "Hard evening",
      mood: 2,
      tags: ["work"],
      body: "Called Sam.",
      prompt: { kind: "urge-log", fields: { whatHelped: "A walk", intensity: "7" } },
    });
    expect(journalToMarkdown([entry], EXPORTED_AT)).toBe(
      [
        "# My Cairn journal",
        "",
        `Downloaded ${EXPORTED_AT}: 1 entry.`,
        "",
        "---",
        "",
        "## 2026-11-30 · Hard evening",
        "",
        "Mood: 2 of 5  ",
        "Tags: work",
        "",
        "### Urge log",
        "",
        "**How strong**  ",
        "7",
        "",
        "**What helped**  ",
        "A walk",
        "",
        "Called Sam.",
        "",
      ].join("\n"),
    );
  });

  it("writes an empty journal as a heading and a count", () => {
    expect(journalToMarkdown([], EXPORTED_AT)).toBe(
      `# My Cairn journal\n\nDownloaded ${EXPORTED_AT}: 0 entries.\n`,
    );
    expect(JSON.parse(journalToJson([], EXPORTED_AT)).entries).toEqual([]);
  });
});
