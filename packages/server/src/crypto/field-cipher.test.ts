import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { FieldCipher } from "./field-cipher.ts";

const cipher = new FieldCipher(randomBytes(32));
const ivOf = (stored: string) => Buffer.from(stored.slice(3), "base64url").subarray(0, 12).toString("hex");

it("opens what it sealed, bound to its context", () => {
  const stored = cipher.encrypt("called my sponsor", "checkin-note:m:2026-01-01");
  expect(stored).toMatch(/^v1\./);
  expect(cipher.decrypt(stored, "checkin-note:m:2026-01-01")).toBe("called my sponsor");
  expect(() => cipher.decrypt(stored, "checkin-note:other:2026-01-01")).toThrow();
  expect(cipher.decryptJson(cipher.encryptJson(["a", "b"], "c"), "c")).toEqual(["a", "b"]);
});

it("never uses an IV twice, across the blocks it draws them in", () => {
  const ivs = new Set(Array.from({ length: 2000 }, () => ivOf(cipher.encrypt("same text", "same context"))));
  expect(ivs.size).toBe(2000);
});

it("keeps a value sealed under one key closed to another", () => {
  const stored = cipher.encrypt("private", "ctx");
  expect(() => new FieldCipher(randomBytes(32)).decrypt(stored, "ctx")).toThrow();
});
