/**
 * The member's plan as the SOS reads it: triggers (with their coping steps) and support people. Read when the
 * SOS opens and shown as it arrives; the SOS never waits for it. A member with no plan yet reads an empty one.
 */
import { EMPTY_PLAN, type Plan, type PlanInput } from "@cairn/core";
import { useQuery } from "@tanstack/react-query";
import { ApiRequestError, request } from "../../api/client.ts";

export function useSosPlan(enabled: boolean) {
  return useQuery<PlanInput>({
    queryKey: ["plan"],
    queryFn: async () => {
      try {
        return (await request<Plan>("GET", "/api/v1/plan")).plan;
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 404) return EMPTY_PLAN;
        throw error;
      }
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}
