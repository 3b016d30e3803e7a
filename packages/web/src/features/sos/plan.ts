/**
 * The member's plan as the SOS reads it: triggers (with their coping steps) and support people. Read when the
 * SOS opens and shown as it arrives: the SOS never waits for it. A member who never saved a plan reads an empty
 * one (version 0).
 */
import type { Plan } from "@cairn/core";
import { useQuery } from "@tanstack/react-query";
import { request } from "../../api/client.ts";

export function useSosPlan(enabled: boolean) {
  return useQuery({
    queryKey: ["plan"],
    queryFn: () => request<Plan>("GET", "/api/v1/plan"),
    select: (data: Plan) => data.plan,
    enabled,
    staleTime: 5 * 60_000,
  });
}
