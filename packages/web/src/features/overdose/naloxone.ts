/**
 * Where the member keeps naloxone: the plan's `naloxoneLocation`, read with GET /api/v1/plan. Its key sits under
 * ["plan"], so whatever invalidates the plan after a save refreshes this too.
 */
import type { Plan } from "@cairn/core";
import { useQuery } from "@tanstack/react-query";
import { request } from "../../api/client.ts";

export function useNaloxoneLocation() {
  return useQuery({
    queryKey: ["plan", "naloxoneLocation"],
    queryFn: async () => (await request<Plan>("GET", "/api/v1/plan")).plan.naloxoneLocation,
  });
}
