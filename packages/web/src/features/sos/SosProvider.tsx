/**
 * Holds the craving SOS dialog for the signed-in shell. The dialog stays mounted while the member moves
 * around, so closing it mid-ride and opening it again returns to the same timer (and a reload picks it up
 * from the device, stored-ride.ts). Its session part (timer,
 * breathing, coping steps) is a separate chunk fetched when the browser is idle after sign-in, so the first
 * screen stays small and the SOS never waits on the network when it is tapped; the plan is fetched ahead too.
 */
import type { Member } from "@cairn/core";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { MemberContext } from "../../app/session.ts";
import { planKey, prefetchSosPlan } from "./plan.ts";
import { SosContext } from "./SosContext.ts";
import { SosDialog } from "./SosDialog.tsx";
import { preloadSession } from "./session-chunk.ts";

export function SosProvider({ member, children }: { member: Member; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [openCount, setOpenCount] = useState(0);
  const [endedElsewhere, setEndedElsewhere] = useState<string>();

  const client = useQueryClient();
  useEffect(() => {
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1500));
    idle(() => {
      preloadSession();
      prefetchSosPlan(client);
    });
  }, [client]);

  const openSos = useCallback(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    }
    preloadSession();
    // The copy fetched ahead shows at once; a fresh one replaces it (the plan may have changed on another device).
    void client.invalidateQueries({ queryKey: planKey });
    setOpenCount((n) => n + 1);
  }, [client]);

  const onClosed = useCallback(() => {
    const target = opener.current;
    opener.current = null;
    if (target?.isConnected) target.focus();
  }, []);

  const close = useCallback(() => dialog.current?.close(), []);

  const api = useMemo(() => ({ openSos, episodeEnded: setEndedElsewhere }), [openSos]);
  return (
    <SosContext.Provider value={api}>
      {children}
      <MemberContext.Provider value={member}>
        <SosDialog
          ref={dialog}
          memberId={member.id}
          openCount={openCount}
          endedElsewhere={endedElsewhere}
          onClosed={onClosed}
          onClose={close}
        />
      </MemberContext.Provider>
    </SosContext.Provider>
  );
}
