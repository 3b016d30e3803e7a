import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/fields.tsx";
import { recoveryCodesFileName, recoveryCodesText } from "./recoveryCodesFile.ts";
import "./auth.css";

interface Props {
  username: string;
  codes: readonly string[];
  /** The "I saved them" box, held by the screen (it decides when the member may go on). */
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
  /** The heading of the list, and the sentence under it. */
  heading: string;
  intro: string;
  /**
   * Shown in a section of a page (Settings), after a form: the heading is a visible h3 that takes the focus when
   * the codes appear. Otherwise the codes are the whole screen, whose title already says it, so it is a hidden h2.
   */
  inSection?: boolean;
}

/**
 * Recovery codes shown this once (at sign-up, or when new ones are made): the list, copy, download, and an
 * "I saved them" box. Until it is ticked, leaving or reloading the page asks first: the codes can't be shown
 * again.
 */
export function RecoveryCodes({ username, codes, saved, onSavedChange, heading, intro, inSection }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const confirmId = useId();
  const text = recoveryCodesText(t("auth.codes.fileHeader", { username }), codes);

  useWarnBeforeLeaving(!saved);

  useEffect(() => {
    if (inSection) headingRef.current?.focus();
  }, [inSection]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t("auth.codes.copied"));
    } catch {
      setStatus(t("auth.codes.copyFailed"));
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = recoveryCodesFileName(username);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <>
      {inSection ? (
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          {heading}
        </h3>
      ) : (
        <h2 id={headingId} className="visually-hidden">
          {heading}
        </h2>
      )}
      <p>{intro}</p>
      <ol className="codes__list" aria-labelledby={headingId}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          {t("auth.codes.copy")}
        </button>
        <button type="button" className="button" onClick={download}>
          {t("auth.codes.download")}
        </button>
      </div>
      <LiveMessage kind="status" message={status} />
      <div className="checkbox">
        <input
          id={confirmId}
          type="checkbox"
          checked={saved}
          onChange={(e) => onSavedChange(e.target.checked)}
        />
        <label htmlFor={confirmId}>{t("auth.codes.confirm")}</label>
      </div>
    </>
  );
}

/** While `active`, closing, reloading or leaving the page makes the browser ask first (its own words). */
function useWarnBeforeLeaving(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = true;
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);
}
