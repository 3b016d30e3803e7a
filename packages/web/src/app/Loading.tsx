import { useTranslation } from "react-i18next";
import { useOnline } from "./Offline.tsx";

/** Offline, a screen waits for the connection (the query library holds its request): it says so. */
export function Loading() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <p className="loading" role="status">
      {online ? t("app.loading") : t("app.offline.waiting")}
    </p>
  );
}

export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="load-failed" role="alert">
      <p>{t("errors.loadFailed")}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t("errors.retry")}
      </button>
    </div>
  );
}
