import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { HelpContext, type HelpSection } from "./HelpContext.ts";
import { HelpDialog } from "./HelpDialog.tsx";

export function HelpProvider({ children }: { children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [section, setSection] = useState<HelpSection>("top");
  const [openCount, setOpenCount] = useState(0);

  const openHelp = useCallback((next: HelpSection = "top") => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    }
    setSection(next);
    // A new count re-runs the dialog's focus effect even when the section is unchanged.
    setOpenCount((n) => n + 1);
  }, []);

  const onClosed = useCallback(() => {
    const target = opener.current;
    opener.current = null;
    if (target?.isConnected) target.focus();
  }, []);

  const api = useMemo(() => ({ openHelp }), [openHelp]);
  return (
    <HelpContext.Provider value={api}>
      {children}
      <HelpDialog ref={dialog} section={section} openCount={openCount} onClosed={onClosed} />
    </HelpContext.Provider>
  );
}
