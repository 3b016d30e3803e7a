/**
 * The member's plan as the SOS reads it: triggers (with their coping steps) and support people. Fetched ahead
 * when the browser is idle after sign-in, so it is usually there when the SOS opens; the SOS never waits for
 * it, and fills it in when it arrives. A member who never saved a plan reads an empty one (version 0).
 */
import type { Plan } from "@cairn/core";
import { type QueryClient, useQuery } from "@tanstack/react-query";
import { request } from "../../api/client.ts";

export const planKey = ["plan"];

const planQuery = {
  queryKey: planKey,
  queryFn: () => request<Plan>("GET", "/api/v1/plan"),
  staleTime: 5 * 60_000,
};

export function prefetchSosPlan(client: QueryClient): void {
  void client.prefetchQuery(planQuery);
}

export function useSosPlan(enabled: boolean) {
  return useQuery({ ...planQuery, select: (data: Plan) => data.plan, enabled });
}

/** Whether the member has saved a plan: the way to add support people is the editor, or the builder for a first plan. */
export function usePlanEditorPath(): string {
  const saved = useQuery({ ...planQuery, select: (data: Plan) => data.version > 0 }).data;
  return saved ? "/plan/edit" : "/plan/build";
}
