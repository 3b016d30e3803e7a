import { useEffect, useState } from "react";
import { todayIn } from "./dates.ts";

/**
 * The member's today in their stored zone, kept current: an app left open past midnight moves to the new
 * day within half a minute, and at once when the tab becomes visible again.
 */
export function useToday(timeZone: string): string {
  const [today, setToday] = useState(() => todayIn(timeZone));
  useEffect(() => {
    const update = () => setToday(todayIn(timeZone));
    update();
    const timer = setInterval(update, 30_000);
    document.addEventListener("visibilitychange", update);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", update);
    };
  }, [timeZone]);
  return today;
}
