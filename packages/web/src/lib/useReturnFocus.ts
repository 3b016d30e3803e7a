import { useEffect, useRef } from "react";

/**
 * For the control that opens something in place (a form, a question): when it closes and the focus went
 * with it, the focus comes back to the control, so a keyboard or screen-reader user is not sent to the top.
 */
export function useReturnFocus<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    const active = document.activeElement;
    if (wasOpen.current && !open && (!active || active === document.body)) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}
