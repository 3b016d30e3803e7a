/** The recovery plan's routes and the query hooks the plan screens and Today use. */
import type { Plan, PlanActions, PlanSave, PlanSaved, PlanVersionSummary } from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";

const PLAN = "/api/v1/plan";

export const planApi = {
  plan: () => request<Plan>("GET", PLAN),
  save: (body: PlanSave) => request<PlanSaved>("PUT", PLAN, { body }),
  versions: () => request<{ versions: PlanVersionSummary[] }>("GET", `${PLAN}/versions`),
  version: (version: number) => request<Plan>("GET", `${PLAN}/versions/${version}`),
  actions: (date: string) => request<PlanActions>("GET", `${PLAN}/actions/${encodeURIComponent(date)}`),
  setActions: (date: string, done: string[]) =>
    request<PlanActions>("PUT", `${PLAN}/actions/${encodeURIComponent(date)}`, { body: { done } }),
};

export const planKeys = {
  plan: ["plan"] as const,
  versions: ["plan", "versions"] as const,
  version: (version: number) => ["plan", "versions", version] as const,
  actions: (date: string) => ["plan", "actions", date] as const,
};

export function usePlan() {
  return useQuery({ queryKey: planKeys.plan, queryFn: planApi.plan });
}

export function usePlanVersions() {
  return useQuery({ queryKey: planKeys.versions, queryFn: async () => (await planApi.versions()).versions });
}

export function usePlanVersion(version: number) {
  return useQuery({ queryKey: planKeys.version(version), queryFn: () => planApi.version(version) });
}

export function useSavePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: planApi.save,
    onSuccess: async ({ support: _support, ...saved }) => {
      client.setQueryData(planKeys.plan, saved);
      await client.invalidateQueries({ queryKey: planKeys.versions });
    },
  });
}

export function usePlanActions(date: string) {
  return useQuery({ queryKey: planKeys.actions(date), queryFn: () => planApi.actions(date) });
}

export function useSetPlanActions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ date, done }: { date: string; done: string[] }) => planApi.setActions(date, done),
    onSuccess: (saved) => client.setQueryData(planKeys.actions(saved.date), saved),
  });
}
