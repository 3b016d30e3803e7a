/**
 * Being offline, said plainly. A banner under the top bar whenever the device has no connection (what is
 * shown may be out of date, nothing can be saved, help still works from the copy kept on the device); and,
 * when the app starts with no connection, a screen in place of the account's screens, since those need the
 * server, with help and the overdose page (both work from the device's copy) a tap away. Back online, every
 * request that failed is tried again (api/queries.ts).
 */
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { Page } from "../components/Page.tsx";
import { useHelp } from "../features/help/HelpContext.ts";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

export function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <p className="offline-notice" role="status">
      {online ? null : t("app.offline.notice")}
    </p>
  );
}

export function OfflineStart({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const { openHelp } = useHelp();
  return (
    <Page title={t("app.offline.title")}>
      <p>{t("app.offline.body")}</p>
      <div className="stack">
        <button type="button" className="button button--primary button--block" onClick={() => openHelp()}>
          {t("app.offline.help")}
        </button>
        <Link className="button button--block" href="/overdose">
          {t("app.offline.overdose")}
        </Link>
        <button type="button" className="button button--block" onClick={onRetry}>
          {t("errors.retry")}
        </button>
      </div>
    </Page>
  );
}
