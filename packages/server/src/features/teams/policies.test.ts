import { describe, expect, it } from "vitest";
import { type Actor, MUTED_INDEFINITELY, policies } from "./policies.ts";
import type { MembershipRow } from "./teams.repository.ts";

const NOW = "2026-12-03T15:00:00.000Z";
const membership = (overrides: Partial<MembershipRow> = {}): MembershipRow => ({
  role: "member",
  joined_at: NOW,
  joined_seq: 0,
  read_seq: 0,
  muted_until: null,
  ...overrides,
});
const actor = (m: MembershipRow | undefined, operator = false): Actor => ({
  memberId: "me",
  operator,
  membership: m,
});

describe("team policies", () => {
  it("lets members read and post, muted members read only, strangers nothing", () => {
    expect(policies.canRead(actor(membership()))).toBe(true);
    expect(policies.canPost(actor(membership()), NOW)).toBe(true);
    const muted = actor(membership({ muted_until: "2026-12-03T15:30:00.000Z" }));
    expect([policies.canRead(muted), policies.canPost(muted, NOW)]).toEqual([true, false]);
    expect(policies.canPost(muted, "2026-12-03T15:30:00.001Z")).toBe(true);
    expect(
      policies.canPost(actor(membership({ muted_until: MUTED_INDEFINITELY })), "2100-01-01T00:00:00.000Z"),
    ).toBe(false);
    expect([policies.canRead(actor(undefined)), policies.canPost(actor(undefined), NOW)]).toEqual([
      false,
      false,
    ]);
  });

  it("lets leaders and the operator moderate, and only leaders lead", () => {
    const leader = actor(membership({ role: "leader" }));
    const operator = actor(undefined, true);
    expect([policies.canModerate(leader), policies.canLead(leader)]).toEqual([true, true]);
    expect([policies.canModerate(operator), policies.canLead(operator), policies.canRead(operator)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(policies.canModerate(actor(membership()))).toBe(false);
  });

  it("lets a message be deleted by its author in the team, a leader, or the operator", () => {
    expect(policies.canDeleteMessage(actor(membership()), "me")).toBe(true);
    expect(policies.canDeleteMessage(actor(membership()), "someone")).toBe(false);
    expect(policies.canDeleteMessage(actor(undefined), "me")).toBe(false);
    expect(policies.canDeleteMessage(actor(membership({ role: "leader" })), "someone")).toBe(true);
    expect(policies.canDeleteMessage(actor(undefined, true), null)).toBe(true);
  });
});
