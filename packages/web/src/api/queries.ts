/** TanStack Query: one client, the cache keys, and a hook per read and write the screens use. */
import {
  addDays,
  type CheckinInput,
  type Member,
  type MemberPatch,
  type Progress,
  type Recovery,
  type RecoveryInput,
  type RecoveryPatch,
  type Resources,
} from "@cairn/core";
import {
  type InfiniteData,
  QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { readCachedResources, writeCachedResources } from "../features/help/resourcesCache.ts";
import { forgetJournalOnDevice } from "../features/journal/device.ts";
import { forgetRidesOnDevice } from "../features/sos/stored-ride.ts";
import { ApiRequestError, setUnauthorizedListener } from "./client.ts";
import { api } from "./endpoints.ts";

export const keys = {
  me: ["me"] as const,
  recoveries: ["recoveries"] as const,
  recoveryCodesLeft: ["recoveryCodesLeft"] as const,
  progress: ["progress"] as const,
  checkins: ["checkins"] as const,
  checkinRange: (from: string, to: string) => ["checkins", "range", from, to] as const,
  checkinPages: (today: string) => ["checkins", "pages", today] as const,
  resources: ["resources"] as const,
  teams: ["teams"] as const,
  // Under another prefix than the list, which is read again after every live message.
  team: (id: string) => ["team", id] as const,
  invites: (id: string) => ["team", id, "invites"] as const,
  invitePreview: (code: string) => ["invitePreview", code] as const,
  reports: (id: string) => ["team", id, "reports"] as const,
  blocks: ["blocks"] as const,
  sharing: ["sharing"] as const,
};

/**
 * Client errors (4xx) will not change on retry; network and server errors get two more tries, unless the
 * device knows it is offline (then the screen says so at once, and asks again when back online).
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  if (globalThis.navigator?.onLine === false) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      // A change is sent at once or refused at once ("this wasn't saved"), never held in memory while offline,
      // where closing the app would lose it without a word.
      mutations: { retry: false, networkMode: "always" },
    },
  });
  setUnauthorizedListener(() => forgetSession(client));
  // Back online, what failed for want of a connection is asked again: the screen recovers by itself. (A page
  // loaded offline never told the query library it was offline, so its own reconnect refetch won't fire.)
  globalThis.addEventListener?.("online", () => {
    void client.refetchQueries({ predicate: (query) => query.state.status === "error" });
  });
  return client;
}

/** After sign-out or a lost session: nothing personal stays in memory or on the device. Help resources stay. */
export function forgetSession(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.me[0] && q.queryKey[0] !== "resources" });
  client.setQueryData(keys.me, null);
  forgetOnDevice();
}

/** The journal's key and drafts, and an SOS being ridden out, leave the device with the session. */
function forgetOnDevice(): void {
  void forgetJournalOnDevice().catch(() => {});
  forgetRidesOnDevice();
}

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => {
      const member = await api.me();
      // Signed out while the app was closed (on every device from another one, or the session ran out): what
      // that session left on this device goes now, not at some later sign-out.
      if (member === null) forgetOnDevice();
      return member;
    },
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** How many unused recovery codes the member has left. */
export function useRecoveryCodesLeft() {
  return useQuery({
    queryKey: keys.recoveryCodesLeft,
    queryFn: async () => (await api.recoveryCodesLeft()).remaining,
  });
}

export function useRecoveries() {
  return useQuery({
    queryKey: keys.recoveries,
    queryFn: async () => (await api.recoveries()).recoveries,
  });
}

export function useProgress() {
  return useQuery<Progress>({ queryKey: keys.progress, queryFn: api.progress });
}

export function useCheckinRange(from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: keys.checkinRange(from, to),
    queryFn: async () => (await api.checkins(from, to)).checkins,
    enabled,
  });
}

export const HISTORY_PAGE_DAYS = 30;
/**
 * A check-in saved before a move to a zone further west can be dated up to 2 days after the new today (UTC+14
 * to UTC−12 is 26 hours): the newest page reaches that far, so the member's own record never drops out of sight.
 */
const SAVED_AHEAD_DAYS = 2;

export interface CheckinPage {
  from: string;
  to: string;
  checkins: Awaited<ReturnType<typeof api.checkins>>["checkins"];
}

/** History in windows of 30 days, newest first: page n covers today−30n−29 … today−30n (page 0 to today+2). */
export function useCheckinPages(today: string) {
  return useInfiniteQuery<CheckinPage, Error, InfiniteData<CheckinPage, number>, readonly unknown[], number>({
    queryKey: keys.checkinPages(today),
    initialPageParam: 0,
    queryFn: async ({ pageParam }) => {
      const last = addDays(today, -HISTORY_PAGE_DAYS * pageParam);
      const from = addDays(last, -(HISTORY_PAGE_DAYS - 1));
      const to = pageParam === 0 ? addDays(last, SAVED_AHEAD_DAYS) : last;
      const { checkins } = await api.checkins(from, to);
      return { from, to, checkins: [...checkins].sort((a, b) => (a.date < b.date ? 1 : -1)) };
    },
    getNextPageParam: (_last, pages) => pages.length,
  });
}

export function useResources() {
  const cached = readCachedResources();
  return useQuery<Resources>({
    queryKey: keys.resources,
    queryFn: async () => {
      const resources = await api.resources();
      writeCachedResources(resources);
      return resources;
    },
    initialData: cached?.resources,
    initialDataUpdatedAt: cached?.savedAt,
    staleTime: 60 * 60 * 1000,
    refetchOnWindowFocus: false,
  });
}

/** The member's teams with unread counts; kept current by the live connection (features/teams/live). */
export function useTeams() {
  return useQuery({
    queryKey: keys.teams,
    queryFn: async () => (await api.teams()).teams,
  });
}

export function useSaveCheckin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ date, input }: { date: string; input: CheckinInput }) => api.putCheckin(date, input),
    onSuccess: async (saved, { date }) => {
      client.setQueryData(keys.checkinRange(date, date), [saved.checkin]);
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.checkins }),
        client.invalidateQueries({ queryKey: keys.progress }),
      ]);
    },
  });
}

export function useDeleteCheckin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api.deleteCheckin(date),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.checkins }),
        client.invalidateQueries({ queryKey: keys.progress }),
      ]);
    },
  });
}

export function usePatchMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: MemberPatch) => api.patchMe(patch),
    onSuccess: async ({ member }) => {
      const before = client.getQueryData<Member | null>(keys.me);
      client.setQueryData(keys.me, member);
      // A new time zone moves "today": everything counted by day is stale.
      if (before?.timezone !== member.timezone) {
        await Promise.all([
          client.invalidateQueries({ queryKey: keys.progress }),
          client.invalidateQueries({ queryKey: keys.checkins }),
        ]);
      }
    },
  });
}

/**
 * Recoveries change what Progress counts (a start date, a cost); removing one also removes its answers from
 * past check-ins. The list is updated in place, so the screen doesn't flicker while it is read again.
 */
function useRecoveryChange() {
  const client = useQueryClient();
  return async (change: (list: Recovery[]) => Recovery[], checkinsToo = false) => {
    client.setQueryData<Recovery[]>(keys.recoveries, (list) => (list ? change(list) : list));
    await Promise.all([
      client.invalidateQueries({ queryKey: keys.recoveries }),
      client.invalidateQueries({ queryKey: keys.progress }),
      checkinsToo ? client.invalidateQueries({ queryKey: keys.checkins }) : undefined,
    ]);
  };
}

export function useCreateRecovery() {
  const changed = useRecoveryChange();
  return useMutation({
    mutationFn: (input: RecoveryInput) => api.createRecovery(input),
    onSuccess: ({ recovery }) => changed((list) => [...list, recovery]),
  });
}

export function usePatchRecovery() {
  const changed = useRecoveryChange();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: RecoveryPatch }) => api.patchRecovery(id, patch),
    onSuccess: ({ recovery }) => changed((list) => list.map((r) => (r.id === recovery.id ? recovery : r))),
  });
}

export function useDeleteRecovery() {
  const changed = useRecoveryChange();
  return useMutation({
    mutationFn: (id: string) => api.deleteRecovery(id),
    onSuccess: (_nothing, id) => changed((list) => list.filter((r) => r.id !== id), true),
  });
}
