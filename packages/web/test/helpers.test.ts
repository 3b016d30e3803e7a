import type { Recovery, Resources } from "@cairn/core";
import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../src/api/client.ts";
import { recoveryCodesFileName, recoveryCodesText } from "../src/features/auth/recoveryCodesFile.ts";
import { smsHref } from "../src/features/help/HelpDialog.tsx";
import {
  looksLikeResources,
  RESOURCES_KEY,
  readCachedResources,
  writeCachedResources,
} from "../src/features/help/resourcesCache.ts";
import { earliestRelevantDate } from "../src/features/history/range.ts";
import { profilePatch } from "../src/features/settings/profile.ts";
import { setupI18n } from "../src/i18n/index.ts";
import { describeActionError, describeError, serverFieldErrors } from "../src/lib/forms.ts";
import { formatMoney, parseAmount } from "../src/lib/money.ts";

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const resources: Resources = {
  region: "us",
  language: "en",
  emergencyNumber: "911",
  crisis: [{ id: "988", name: "988 Suicide & Crisis Lifeline", description: "Call or text", phone: "988" }],
  overdose: {
    signs: ["Slow breathing"],
    steps: ["Call 911"],
    naloxone: ["Spray in one nostril"],
    neverUseAlone: [],
    saferUse: ["Start with a small amount."],
  },
  afterOpioidUse: ["Your tolerance drops fast."],
};

describe("the saved copy of help resources", () => {
  it("round-trips through storage", () => {
    const store = new MemoryStorage();
    writeCachedResources(resources, store, 1234);
    expect(readCachedResources(store)).toEqual({ savedAt: 1234, resources });
  });

  it("ignores a missing, broken or foreign copy", () => {
    const store = new MemoryStorage();
    expect(readCachedResources(store)).toBeUndefined();
    store.setItem(RESOURCES_KEY, "{not json");
    expect(readCachedResources(store)).toBeUndefined();
    store.setItem(RESOURCES_KEY, JSON.stringify({ savedAt: 1, resources: { crisis: "nope" } }));
    expect(readCachedResources(store)).toBeUndefined();
    expect(looksLikeResources(resources)).toBe(true);
  });

  it("does not throw when storage refuses to save", () => {
    const store = new MemoryStorage();
    store.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    expect(() => writeCachedResources(resources, store)).not.toThrow();
  });
});

describe("help links", () => {
  it("builds sms links that open with the text filled in", () => {
    expect(smsHref("741741")).toBe("sms:741741");
    expect(smsHref("741741", "HOME now")).toBe("sms:741741?&body=HOME%20now");
  });
});

describe("money", () => {
  it("formats dollars", () => {
    expect(formatMoney(1234.5, "en-US")).toBe("$1,234.50");
  });

  it("reads typed amounts", () => {
    expect(parseAmount("")).toBeUndefined();
    expect(parseAmount(" 20 ")).toBe(20);
    expect(parseAmount("12,50")).toBe(12.5);
    expect(parseAmount("twenty")).toBeNaN();
  });
});

describe("recovery codes file", () => {
  it("has a header, a blank line and one code a line", () => {
    expect(recoveryCodesText("Codes for river", ["aaaa-bbbb", "cccc-dddd"])).toBe(
      "Codes for river\n\naaaa-bbbb\ncccc-dddd\n",
    );
  });

  it("makes a safe file name", () => {
    expect(recoveryCodesFileName("river.stone")).toBe("cairn-recovery-codes-river.stone.txt");
    expect(recoveryCodesFileName("a/b")).toBe("cairn-recovery-codes-a_b.txt");
  });
});

describe("settings", () => {
  it("sends only what changed; an emptied display name becomes null", () => {
    const member = { displayName: "River", timezone: "Europe/Berlin" };
    expect(profilePatch(member, { displayName: "River", timezone: "Europe/Berlin" })).toEqual({});
    expect(profilePatch(member, { displayName: " ", timezone: "Europe/Berlin" })).toEqual({
      displayName: null,
    });
    expect(profilePatch(member, { displayName: "River", timezone: "UTC" })).toEqual({ timezone: "UTC" });
  });
});

describe("history range", () => {
  const recovery = (startDate: string): Recovery => ({
    id: "r",
    substance: "alcohol",
    label: null,
    startDate,
    dailyCost: null,
    createdAt: "2026-12-01T00:00:00Z",
  });

  it("starts at the earlier of the account's first local day and the earliest recovery start", () => {
    // 2026-12-01 03:00 UTC is still 30 November in New York.
    expect(earliestRelevantDate("2026-12-01T03:00:00Z", "America/New_York", [])).toBe("2026-11-30");
    expect(earliestRelevantDate("2026-12-01T03:00:00Z", "America/New_York", [recovery("2026-01-15")])).toBe(
      "2026-01-15",
    );
  });
});

describe("form error sentences", () => {
  const i18n = setupI18n(["en"]);
  const t = i18n.t;

  it("explains offline, rate limits and server trouble in the catalog's words", () => {
    expect(describeError(t, new ApiRequestError(0, "network", "x"))).toBe(i18n.t("errors.network"));
    expect(describeError(t, new ApiRequestError(429, "rate_limited", "x"))).toBe(
      i18n.t("errors.rateLimited"),
    );
    expect(describeError(t, new ApiRequestError(500, "internal_error", "stack trace"))).toBe(
      i18n.t("errors.generic"),
    );
    expect(describeError(t, new ApiRequestError(400, "invalid_input", "x", { mood: "From 1 to 5" }))).toBe(
      i18n.t("errors.checkFields"),
    );
  });

  it("gives the server's own reason, not 'check the fields', for an action with no fields on screen", () => {
    const early = new ApiRequestError(422, "invalid_input", "Some answers need another look", {
      time: "This dose's time hasn't come yet",
    });
    expect(describeActionError(t, early)).toBe("This dose's time hasn't come yet");
    expect(describeActionError(t, new ApiRequestError(0, "network", "x"))).toBe(i18n.t("errors.network"));
    expect(
      describeActionError(t, new ApiRequestError(404, "not_found", "That medication wasn't found")),
    ).toBe("That medication wasn't found");
  });

  it("passes server field messages through to the fields", () => {
    expect(
      serverFieldErrors(new ApiRequestError(400, "invalid_input", "x", { mood: "From 1 to 5" })),
    ).toEqual({
      mood: "From 1 to 5",
    });
    expect(serverFieldErrors(new Error("x"))).toEqual({});
  });
});
