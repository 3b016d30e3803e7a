/** The craving SOS's API calls and queries (features/sos). */
import type { SosEnd, SosEpisodeResult, SosList, SosSaved, SosStart } from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError, query, request } from "./client.ts";

const SOS = "/api/v1/sos";

/**
 * Starts an episode. A plan trigger removed on another device since the plan was shown is refused (422): the
 * urge is recorded all the same, by the words shown, without the link to the plan.
 */
async function start(input: SosStart): Promise<SosSaved> {
  try {
    return await request<SosSaved>("POST", SOS, { body: input });
  } catch (error) {
    const stale = error instanceof ApiRequestError && error.fields.planTriggerId && input.planTriggerId;
    if (!stale) throw error;
    return request<SosSaved>("POST", SOS, { body: { ...input, planTriggerId: null } });
  }
}

export const sosApi = {
  start,
  end: (id: string, input: SosEnd) =>
    request<SosSaved>("PATCH", `${SOS}/${encodeURIComponent(id)}`, { body: input }),
  setMinutes: (id: string, minutes: number) =>
    request<SosEpisodeResult>("PUT", `${SOS}/${encodeURIComponent(id)}/minutes`, { body: { minutes } }),
  list: (limit?: number) => request<SosList>("GET", `${SOS}${query({ limit: limit?.toString() })}`),
};

export const sosKeys = { episodes: ["sos"] as const };

export function useSosEpisodes() {
  return useQuery({ queryKey: sosKeys.episodes, queryFn: () => sosApi.list() });
}

/**
 * The member's newest episode, for the SOS opened without a ride of its own: one still open was started in
 * another tab or on another device. Dropped as soon as nothing shows it (gcTime 0), so each time the rating
 * screen comes back it asks afresh.
 */
export function useNewestSosEpisode() {
  return useQuery({
    queryKey: [...sosKeys.episodes, "newest"],
    queryFn: async () => (await sosApi.list(1)).episodes[0] ?? null,
    gcTime: 0,
  });
}

export function useStartSos() {
  return useMutation({ mutationFn: (input: SosStart) => sosApi.start(input) });
}

/** The timer's new length, kept on the server; a failure changes nothing here (the ride runs on this device). */
export function useSetSosMinutes() {
  return useMutation({
    mutationFn: ({ id, minutes }: { id: string; minutes: number }) => sosApi.setMinutes(id, minutes),
  });
}

export function useEndSos() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SosEnd }) => sosApi.end(id, input),
    onSuccess: () => client.invalidateQueries({ queryKey: sosKeys.episodes }),
  });
}
