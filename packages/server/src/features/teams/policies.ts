/**
 * Who may do what in a team, declared in one place. Services load the facts (the caller's membership in the
 * team, whether they are the operator) and ask here; routes never decide access.
 *
 * A caller who is not in the team learns nothing about it: services answer 404 for `canRead` failures, as if
 * the team did not exist (a removed member included, case C13). A member who may read but not act gets 403.
 */
import type { MembershipRow } from "./teams.repository.ts";

export interface Actor {
  memberId: string;
  /** The operator (granted from the command line) may moderate any team. */
  operator: boolean;
  /** The actor's membership in the team at hand; undefined when they are not in it. */
  membership: MembershipRow | undefined;
}

/** Far-future instant stored for "muted until a leader unmutes". */
export const MUTED_INDEFINITELY = "9999-12-31T23:59:59.999Z";

export function isMuted(membership: Pick<MembershipRow, "muted_until">, nowIso: string): boolean {
  return membership.muted_until !== null && membership.muted_until > nowIso;
}

export const policies = {
  /** Read the team's messages, members and counts; react, report, reach out. */
  canRead: (actor: Actor): boolean => actor.membership !== undefined,
  /** Post anything (text, reply, reaction, reach-out). A muted member still reads, reports, blocks and leaves. */
  canPost: (actor: Actor, nowIso: string): boolean =>
    actor.membership !== undefined && !isMuted(actor.membership, nowIso),
  /** Mute, remove, delete others' messages, see the team's reports: its leaders, or the operator. */
  canModerate: (actor: Actor): boolean => actor.operator || actor.membership?.role === "leader",
  /** Invites and leadership belong to the team's own leaders. */
  canLead: (actor: Actor): boolean => actor.membership?.role === "leader",
  /** A message may be deleted by its author (while in the team), a leader, or the operator. */
  canDeleteMessage: (actor: Actor, authorId: string | null): boolean =>
    (actor.membership !== undefined && authorId === actor.memberId) || policies.canModerate(actor),
} as const;
