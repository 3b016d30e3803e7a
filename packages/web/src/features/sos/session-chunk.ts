import { lazy } from "react";

const load = () => import("./SosSession.tsx");

/** Starts fetching the SOS session's chunk (idempotent: the browser and Vite fetch a module once). */
export function preloadSession(): void {
  void load().catch(() => {
    // Offline: React.lazy tries again when the session is shown.
  });
}

export const SosSession = lazy(() => load().then((m) => ({ default: m.SosSession })));
