import type { Member } from "@cairn/core";
import { createContext, useContext } from "react";

export const MemberContext = createContext<Member | null>(null);

/** The signed-in member; only used below the signed-in routes, where there always is one. */
export function useMember(): Member {
  const member = useContext(MemberContext);
  if (!member) throw new Error("useMember outside a signed-in screen");
  return member;
}
