/** The craving SOS's API calls and queries (features/sos). */
import type { SosEnd, SosList, SosSaved, SosStart } from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { query, request } from "./client.ts";

const SOS = "/api/v1/sos";

export const sosApi = {
  start: (input: SosStart) => request<SosSaved>("POST", SOS, { body: input }),
  end: (id: string, input: SosEnd) =>
    request<SosSaved>("PATCH", `${SOS}/${encodeURIComponent(id)}`, { body: input }),
  list: (limit?: number) => request<SosList>("GET", `${SOS}${query({ limit: limit?.toString() })}`),
};

export const sosKeys = { episodes: ["sos"] as const };

export function useSosEpisodes() {
  return useQuery({ queryKey: sosKeys.episodes, queryFn: () => sosApi.list() });
}

export function useStartSos() {
  return useMutation({ mutationFn: (input: SosStart) => sosApi.start(input) });
}

export function useEndSos() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SosEnd }) => sosApi.end(id, input),
    onSuccess: () => client.invalidateQueries({ queryKey: sosKeys.episodes }),
  });
}
