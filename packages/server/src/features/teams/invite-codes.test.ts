import { describe, expect, it } from "vitest";
import { generateInviteCode, hashInviteCode, normalizeInviteCode } from "./invite-codes.ts";

describe("invite codes", () => {
  it("are 12 characters in groups of four, without look-alike characters", () => {
    const codes = new Set(Array.from({ length: 500 }, generateInviteCode));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){2}$/);
    expect([...codes].join("")).not.toMatch(/[01OILU]/);
  });

  it("match however they are typed or pasted", () => {
    const hash = hashInviteCode("K7QM-3XPD-9WRT");
    for (const typed of [
      "k7qm-3xpd-9wrt",
      " K7QM 3XPD 9WRT ",
      "K7QM3XPD9WRT",
      "https://cairn.example.org/join/K7QM-3XPD-9WRT",
    ]) {
      expect(hashInviteCode(typed), typed).toBe(hash);
    }
    expect(hashInviteCode("K7QM-3XPD-9WRA")).not.toBe(hash);
    expect(normalizeInviteCode("/join/ab-cd/")).toBe("ABCD");
  });
});
