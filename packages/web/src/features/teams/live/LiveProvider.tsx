/**
 * Starts the app's one live connection for the signed-in member and ties it to the rest of the app:
 * - the store (and its socket code) is loaded after the first screen, and connects only when the member has
 *   a team;
 * - unread counts: every live message or read marker reads `GET /teams` again (coalesced), so every device
 *   shows the server's count;
 * - `removed`: the team leaves the list and the cache at once, and the list says so;
 * - close 4001 (session ended) or a refused upgrade with no session: signed out, sign in shows;
 * - the browser's `offline`, `online` and `visibilitychange` events drive reconnects (an emulated offline
 *   may leave a socket open that carries nothing);
 * - danger language the server found in the member's own message opens help.
 */
import type { Member, Team } from "@cairn/core";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api } from "../../../api/endpoints.ts";
import { forgetSession, keys, useTeams } from "../../../api/queries.ts";
import { useHelp } from "../../help/HelpContext.ts";
import { liveUrl } from "./backoff.ts";
import type { LiveEvent, LiveStore } from "./LiveStore.ts";
import { LiveContext, type Removal } from "./liveContext.ts";

/** Unread counts are read again this long after the last live event of a burst. */
const RECOUNT_AFTER_MS = 400;

export function LiveProvider({ member, children }: { member: Member; children: ReactNode }) {
  const client = useQueryClient();
  const teams = useTeams();
  const { openHelp } = useHelp();
  const [store, setStore] = useState<LiveStore>();
  const [removal, setRemoval] = useState<Removal>();
  const leavingTeams = useRef(new Set<string>());
  const recountTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const recount = useCallback(() => {
    clearTimeout(recountTimer.current);
    recountTimer.current = setTimeout(() => {
      void client.invalidateQueries({ queryKey: keys.teams, exact: true });
    }, RECOUNT_AFTER_MS);
  }, [client]);

  const onEvent = useRef<(event: LiveEvent) => void>(() => {});
  onEvent.current = (event) => {
    switch (event.type) {
      case "messages":
        // History read over HTTP changes no count; live messages do.
        if (event.live) recount();
        return;
      case "caught-up":
        recount();
        return;
      case "read":
        client.setQueryData<Team[]>(keys.teams, (list) =>
          list?.map((team) =>
            team.id === event.teamId && event.seq > team.readSeq
              ? { ...team, readSeq: event.seq, unread: event.seq >= team.lastSeq ? 0 : team.unread }
              : team,
          ),
        );
        recount();
        return;
      case "removed": {
        const list = client.getQueryData<Team[]>(keys.teams);
        const name = list?.find((team) => team.id === event.teamId)?.name;
        client.setQueryData<Team[]>(keys.teams, (current) => current?.filter((t) => t.id !== event.teamId));
        client.removeQueries({ queryKey: keys.team(event.teamId) });
        if (leavingTeams.current.delete(event.teamId)) return;
        setRemoval({ teamId: event.teamId, name });
        return;
      }
      case "session-ended":
        forgetSession(client);
        return;
      case "refused":
        // A refused upgrade has no status a page can read: ask whether the session is still there.
        api.me().then(
          (me) => {
            if (me === null) forgetSession(client);
          },
          () => {},
        );
        return;
      case "danger":
        openHelp();
        return;
    }
  };

  // One store per signed-in member; its code arrives after the first screen.
  useEffect(() => {
    let created: LiveStore | undefined;
    let cancelled = false;
    import("./LiveStore.ts").then(
      ({ LiveStore }) => {
        if (cancelled) return;
        created = new LiveStore({
          url: liveUrl(window.location),
          memberId: member.id,
          api,
          startOffline: navigator.onLine === false,
          onEvent: (event) => onEvent.current(event),
        });
        setStore(created);
      },
      () => {
        // Offline before the chunk was cached: the screens still work over HTTP.
      },
    );
    return () => {
      cancelled = true;
      created?.dispose();
      setStore(undefined);
      clearTimeout(recountTimer.current);
    };
  }, [member.id]);

  useEffect(() => {
    if (store && teams.data) store.setTeams(teams.data);
  }, [store, teams.data]);

  useEffect(() => {
    if (!store) return;
    const offline = () => store.goOffline();
    const online = () => store.goOnline();
    const visible = () => {
      if (document.visibilityState === "visible") store.wake();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", visible);
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", visible);
    };
  }, [store]);

  const clearRemoval = useCallback(() => setRemoval(undefined), []);
  const leaving = useCallback((teamId: string) => {
    leavingTeams.current.add(teamId);
  }, []);
  const value = useMemo(
    () => ({ store, removal, clearRemoval, leaving }),
    [store, removal, clearRemoval, leaving],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
