/** TEMPORARY until the plan branch is merged: the plan's naloxoneLocation. */
import type { Plan } from "@cairn/core";
import { useQuery } from "@tanstack/react-query";
import { request } from "../../api/client.ts";

export function useNaloxoneLocation() {
  return useQuery({
    queryKey: ["plan", "naloxone"],
    queryFn: async () => (await request<Plan>("GET", "/api/v1/plan")).plan.naloxoneLocation,
  });
}
