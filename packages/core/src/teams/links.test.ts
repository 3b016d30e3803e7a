import { describe, expect, it } from "vitest";
import { linkify } from "./links.ts";

describe("safe links in messages", () => {
  it("turns http, https, mailto and www addresses into links and keeps the rest as text", () => {
    expect(linkify("Meeting notes at https://example.org/notes. Mail me: mailto:sam@example.org")).toEqual([
      { kind: "text", text: "Meeting notes at " },
      { kind: "link", text: "https://example.org/notes", href: "https://example.org/notes" },
      { kind: "text", text: ". Mail me: " },
      { kind: "link", text: "mailto:sam@example.org", href: "mailto:sam@example.org" },
    ]);
    expect(linkify("see www.na.org")).toEqual([
      { kind: "text", text: "see " },
      { kind: "link", text: "www.na.org", href: "https://www.na.org" },
    ]);
  });

  it.each([
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "vbscript:msgbox",
    "<a href='javascript:alert(1)'>x</a>",
  ])("never makes a link of %s", (text) => {
    expect(linkify(text).every((part) => part.kind === "text")).toBe(true);
    expect(
      linkify(text)
        .map((p) => p.text)
        .join(""),
    ).toBe(text);
  });

  it("keeps every character of the text, emoji included", () => {
    const text = "Day 12 😺 https://example.org/a?b=c&d=e 💪🏽 👨‍👩‍👧";
    expect(
      linkify(text)
        .map((p) => p.text)
        .join(""),
    ).toBe(text);
  });

  it("returns nothing for empty text", () => {
    expect(linkify("")).toEqual([]);
  });
});
