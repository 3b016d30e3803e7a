/** What of a member reaches the wire: the fields of core's `memberSchema`, named one by one. */
import type { Member } from "@cairn/core";

export function presentMember(member: Member): Member {
  return {
    id: member.id,
    username: member.username,
    displayName: member.displayName,
    timezone: member.timezone,
    region: member.region,
    reasons: [...member.reasons],
    createdAt: member.createdAt,
  };
}
