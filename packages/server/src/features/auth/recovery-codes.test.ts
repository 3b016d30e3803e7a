import { normalizeRecoveryCode, recoveryCodeId } from "@cairn/core";
import { describe, expect, it } from "vitest";
import { passwordProblem } from "./auth.service.ts";
import { generateRecoveryCode, hashRecoveryCode, RECOVERY_CODE_ALPHABET } from "./recovery-codes.ts";

describe("recovery codes", () => {
  it("look like xxxx-xxxx-xxxx-xxxx from an alphabet without look-alikes", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateRecoveryCode();
      expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      for (const ch of code.replaceAll("-", "")) expect(RECOVERY_CODE_ALPHABET).toContain(ch);
    }
    for (const lookAlike of ["0", "1", "o", "l", "i"])
      expect(RECOVERY_CODE_ALPHABET).not.toContain(lookAlike);
  });

  it("carry at least 60 bits of randomness each", () => {
    const bits = 16 * Math.log2(new Set(RECOVERY_CODE_ALPHABET).size);
    expect(bits).toBeGreaterThanOrEqual(60);
    const many = new Set(Array.from({ length: 10_000 }, generateRecoveryCode));
    expect(many.size).toBe(10_000);
  });

  it("are accepted back in any case, with or without dashes and spaces", () => {
    const code = "abcd-efgh-jkmn-pqrs";
    expect(normalizeRecoveryCode(" ABCD EFGH-jkmn  pqrs ")).toBe("abcdefghjkmnpqrs");
    for (const typed of ["ABCDEFGHJKMNPQRS", "abcd efgh jkmn pqrs", "Abcd-Efgh-Jkmn-Pqrs"]) {
      expect(hashRecoveryCode(typed)).toBe(hashRecoveryCode(code));
    }
    expect(hashRecoveryCode("abcd-efgh-jkmn-pqrt")).not.toBe(hashRecoveryCode(code));
  });

  it("are named by the journal on the device with the same hash the server stores", async () => {
    const code = generateRecoveryCode();
    expect(await recoveryCodeId(code.toUpperCase())).toBe(hashRecoveryCode(code));
  });
});

describe("password rules beyond length", () => {
  it("refuse the most common passwords, in any case", () => {
    for (const common of ["password", "Password1", "12345678", "iloveyou", "QWERTYUIOP"]) {
      expect(passwordProblem(common, "someone"), common).toMatch(/most common/);
    }
  });

  it("refuse the username as the password, in any case", () => {
    expect(passwordProblem("River_Stone", "river_stone")).toMatch(/username/);
  });

  it("accept a long uncommon passphrase", () => {
    expect(passwordProblem("a steady path 42", "river_stone")).toBeUndefined();
  });
});
