import type { Message } from "@cairn/core";
import { describe, expect, it } from "vitest";
import { tabOf } from "../src/app/BottomNav.tsx";
import { liveUrl } from "../src/features/teams/live/backoff.ts";
import {
  clearPendingInvite,
  inviteCodeFrom,
  peekPendingInvite,
  savePendingInvite,
} from "../src/features/teams/pendingInvite.ts";
import {
  announceable,
  buildChat,
  connectionKey,
  excerpt,
  lastSeqOf,
  messageTime,
} from "../src/features/teams/timeline.ts";

const ME = "me";
const SAM = "sam";
const JO = "jo";
const alias: Record<string, string> = { [ME]: "River", [SAM]: "Sam", [JO]: "Jo" };

function message(seq: number, author: string | null, options: Partial<Message> = {}): Message {
  return {
    teamId: "t",
    seq,
    clientId: null,
    author: author === null ? null : { id: author, alias: alias[author] ?? author },
    kind: "text",
    text: `m${seq}`,
    data: null,
    replyTo: null,
    deleted: false,
    createdAt: "2026-12-03T15:00:00.000Z",
    ...options,
  };
}

const reaction = (seq: number, author: string, target: number, emoji: string, deleted = false) =>
  message(seq, author, { kind: "reaction", replyTo: target, data: { emoji }, text: null, deleted });

describe("buildChat", () => {
  it("folds reactions onto their message, counting each emoji and marking the viewer's own", () => {
    const items = buildChat(
      [
        message(1, SAM),
        reaction(2, ME, 1, "💪"),
        reaction(3, JO, 1, "💪"),
        reaction(4, JO, 1, "🌱"),
        reaction(5, SAM, 1, "❤️", true),
        reaction(6, JO, 1, "not an emoji we know"),
      ],
      { me: ME, hidden: new Set() },
    );
    expect(items.map((i) => i.message.seq)).toEqual([1]);
    expect(items[0]?.reactions).toEqual([
      { emoji: "💪", count: 2, mine: 2 },
      { emoji: "🌱", count: 1, mine: undefined },
    ]);
  });

  it("shows who responded to a reach-out (replies and reactions), once each, never its author", () => {
    const items = buildChat(
      [
        message(1, ME, { kind: "reach_out", text: "River is having a hard time" }),
        message(2, SAM, { kind: "reply", replyTo: 1, text: "I'm here" }),
        reaction(3, JO, 1, "❤️"),
        message(4, SAM, { kind: "reply", replyTo: 1, text: "Call me" }),
        message(5, ME, { kind: "reply", replyTo: 1, text: "Thanks" }),
      ],
      { me: ME, hidden: new Set() },
    );
    expect(items[0]?.responders).toEqual(["Sam", "Jo"]);
    expect(items[1]?.replyTarget?.seq).toBe(1);
  });

  it("leaves out everything by a blocked member: messages, reactions, replies and responses", () => {
    const items = buildChat(
      [
        message(1, ME, { kind: "reach_out" }),
        message(2, SAM, { kind: "reply", replyTo: 1 }),
        reaction(3, SAM, 1, "💪"),
        message(4, JO),
      ],
      { me: ME, hidden: new Set([SAM]) },
    );
    expect(items.map((i) => i.message.seq)).toEqual([1, 4]);
    expect(items[0]?.responders).toEqual([]);
    expect(items[0]?.reactions).toEqual([]);
  });

  it("keeps a deleted message as a placeholder in its place, and a message of a former member", () => {
    const items = buildChat([message(1, SAM, { deleted: true, text: null }), message(2, null)], {
      me: ME,
      hidden: new Set(),
    });
    expect(items.map((i) => [i.message.seq, i.message.deleted])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});

describe("announceable", () => {
  it("announces new messages from others only: not mine, not reactions, not blocked, not deleted", () => {
    const added = [
      message(1, SAM),
      message(2, ME),
      reaction(3, JO, 1, "💪"),
      message(4, JO),
      message(5, SAM, { deleted: true }),
      message(6, JO, { kind: "reach_out" }),
    ];
    expect(announceable(added, { me: ME, hidden: new Set([JO]) }).map((m) => m.seq)).toEqual([1]);
    expect(announceable(added, { me: ME, hidden: new Set() }).map((m) => m.seq)).toEqual([1, 4, 6]);
  });
});

describe("lastSeqOf", () => {
  it("is the highest seq held, 0 for none", () => {
    expect(lastSeqOf([message(3, SAM), message(9, SAM)])).toBe(9);
    expect(lastSeqOf([])).toBe(0);
  });
});

describe("messageTime", () => {
  it("shows the time on the member's own clock, not the device's, with the date for other days", () => {
    // 15:00 UTC is 16:00 in Berlin and 00:00 the next day in Tokyo.
    expect(messageTime("2026-12-03T15:00:00.000Z", "Europe/Berlin", "en-US", "2026-12-03")).toBe("4:00 PM");
    expect(messageTime("2026-12-03T15:00:00.000Z", "Asia/Tokyo", "en-US", "2026-12-04")).toBe("12:00 AM");
    expect(messageTime("2026-12-03T15:00:00.000Z", "Europe/Berlin", "en-US", "2026-12-04")).toBe(
      "Dec 3, 4:00 PM",
    );
    expect(messageTime("not a date", "UTC", "en-US", "2026-12-04")).toBe("");
  });
});

describe("excerpt", () => {
  it("flattens whitespace and cuts long text between whole characters (C08)", () => {
    expect(excerpt("a\n\n b  c")).toBe("a b c");
    expect(excerpt(null)).toBe("");
    const family = "👨‍👩‍👧";
    const cut = excerpt(`${"x".repeat(8)}${family}${family}${family}`, 10);
    expect(cut).toBe(`${"x".repeat(8)}${family}…`);
    expect(excerpt(`ok 💪🏽💪🏽💪🏽`, 5)).toBe("ok 💪🏽…");
  });
});

describe("connectionKey", () => {
  const open = { state: "open", offline: false } as const;
  it("says Connected only when this team is caught up over an open socket", () => {
    expect(connectionKey(open, true, true)).toBe("connected");
    expect(connectionKey(open, false, false)).toBe("connecting");
    expect(connectionKey({ state: "connecting", offline: false }, false, false)).toBe("connecting");
    expect(connectionKey({ state: "reconnecting", offline: false }, false, true)).toBe("reconnecting");
    expect(connectionKey({ state: "reconnecting", offline: true }, false, true)).toBe("offline");
  });
});

describe("invite links", () => {
  it("takes the code from a pasted link, or the code as typed", () => {
    expect(inviteCodeFrom("  74CA-K396-X5JP ")).toBe("74CA-K396-X5JP");
    expect(inviteCodeFrom("https://cairn.example.org/join/74CA-K396-X5JP")).toBe("74CA-K396-X5JP");
    expect(inviteCodeFrom("/join/ab%20cd?x=1")).toBe("ab cd");
  });

  it("keeps an invite opened while signed out until it is used", () => {
    const items = new Map<string, string>();
    const store = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    } as unknown as Storage;
    expect(peekPendingInvite(store)).toBeUndefined();
    savePendingInvite("CODE-1", store);
    expect(peekPendingInvite(store)).toBe("CODE-1");
    clearPendingInvite(store);
    expect(peekPendingInvite(store)).toBeUndefined();
    expect(peekPendingInvite(undefined)).toBeUndefined();
  });
});

describe("navigation", () => {
  it("puts a team's chat, its details and an invite link under the Team tab", () => {
    expect(tabOf("/teams")).toBe("/teams");
    expect(tabOf("/teams/abc")).toBe("/teams");
    expect(tabOf("/join/CODE")).toBe("/teams");
    expect(tabOf("/settings")).toBe("/settings");
  });

  it("puts the check-in history under Today, and a plan's or the journal's pages under their tabs", () => {
    expect(tabOf("/history")).toBe("/");
    expect(tabOf("/plan/versions/2")).toBe("/plan");
    expect(tabOf("/journal/new/gratitude")).toBe("/journal");
  });

  it("connects to the live endpoint on the page's own origin", () => {
    expect(liveUrl({ protocol: "https:", host: "cairn.example.org" })).toBe(
      "wss://cairn.example.org/api/v1/ws",
    );
    expect(liveUrl({ protocol: "http:", host: "localhost:8080" })).toBe("ws://localhost:8080/api/v1/ws");
  });
});
