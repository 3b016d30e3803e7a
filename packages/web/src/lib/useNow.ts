import { useEffect, useState } from "react";

/**
 * The clock, read again every `intervalMs` and the moment the page is shown again (a phone unlocked, a tab
 * brought back): what is shown is computed from it, so a paused timer never shows a stale time.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const read = () => setNow(Date.now());
    const id = setInterval(read, intervalMs);
    document.addEventListener("visibilitychange", read);
    globalThis.addEventListener("pageshow", read);
    return () => {
      clearInterval(id);
      document.removeEventListener("visibilitychange", read);
      globalThis.removeEventListener("pageshow", read);
    };
  }, [intervalMs]);
  return now;
}
