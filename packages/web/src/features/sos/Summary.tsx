import type { UrgeSummary } from "@cairn/core";
import { useTranslation } from "react-i18next";

/** "12 urges ridden out; average craving fell from 7 to 3", rounded to whole numbers for reading. */
export function SummaryLine({ summary }: { summary: UrgeSummary }) {
  const { t } = useTranslation();
  if (summary.ridden === 0 || summary.averageStart === null || summary.averageEnd === null) {
    return <p className="sos-summary">{t("sos.summary.none")}</p>;
  }
  const from = Math.round(summary.averageStart);
  const to = Math.round(summary.averageEnd);
  return (
    <p className="sos-summary">
      {t("sos.summary.ridden", { count: summary.ridden })}
      {to < from ? `; ${t("sos.summary.fell", { from, to })}` : null}
    </p>
  );
}
