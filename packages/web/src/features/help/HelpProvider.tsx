import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { HelpContext, type HelpSection } from "./HelpContext.ts";
import { HelpDialog } from "./HelpDialog.tsx";

/**
 * Where focus goes when help closes: back to what had it before, or, when that is gone or disabled (help that
 * opened by itself after a Save that then left the page), the screen's heading,
 * so keyboard and screen-reader users carry on from the screen rather than from the top of the document.
 */
function returnFocus(target: HTMLElement | null): void {
  if (target?.isConnected) target.focus();
  if (target && document.activeElement === target) return;
  (document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("main"))?.focus();
}

export function HelpProvider({ children }: { children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [section, setSection] = useState<HelpSection>("top");
  const [openCount, setOpenCount] = useState(0);

  const openHelp = useCallback((next: HelpSection = "top") => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
      element.showModal();
    }
    setSection(next);
    // A new count re-runs the dialog's focus effect even when the section is unchanged.
    setOpenCount((n) => n + 1);
  }, []);

  const onClosed = useCallback(() => {
    const target = opener.current;
    opener.current = null;
    returnFocus(target);
  }, []);

  const api = useMemo(() => ({ openHelp }), [openHelp]);
  return (
    <HelpContext.Provider value={api}>
      {children}
      <HelpDialog ref={dialog} section={section} openCount={openCount} onClosed={onClosed} />
    </HelpContext.Provider>
  );
}
