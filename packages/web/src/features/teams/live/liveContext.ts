/**
 * The live connection as React sees it. The store itself (LiveStore.ts) is loaded after the first screen;
 * until then `store` is undefined and screens show what HTTP gives them.
 */
import { createContext, useContext, useSyncExternalStore } from "react";
import type { ConnectionStatus, LiveStore, TeamSnapshot } from "./LiveStore.ts";

export interface Removal {
  teamId: string;
  name: string | undefined;
}

export interface LiveApi {
  store: LiveStore | undefined;
  /** The last team the member was removed from (shown once on the teams list). */
  removal: Removal | undefined;
  clearRemoval: () => void;
  /** Before the member leaves a team themselves: its `removed` frame is then expected, not news. */
  leaving: (teamId: string) => void;
}

export const LiveContext = createContext<LiveApi>({
  store: undefined,
  removal: undefined,
  clearRemoval: () => {},
  leaving: () => {},
});

export function useLive(): LiveApi {
  return useContext(LiveContext);
}

const noSubscribe = () => () => {};
const IDLE: ConnectionStatus = { state: "idle", offline: false };

export function useConnectionStatus(store: LiveStore | undefined): ConnectionStatus {
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.getStatus ?? (() => IDLE));
}

const EMPTY: TeamSnapshot = { messages: [], live: false, pending: [], latest: "idle", older: "more" };

export function useTeamSnapshot(store: LiveStore | undefined, teamId: string): TeamSnapshot {
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, () => store?.team(teamId) ?? EMPTY);
}
