import { useTranslation } from "react-i18next";

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t("app.loading")}
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
