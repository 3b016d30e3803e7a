/**
 * "How your journal is protected": docs/SECURITY.md's threat model in the member's words (from the catalog,
 * so it is translated with the app). The full document is for operators and lives with the source.
 */
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { Page } from "../../components/Page.tsx";

const POINTS = ["stored", "key", "protects", "doesNot", "lose", "safety"] as const;

export function ProtectionPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("journal.protection.title")} className="journal">
      <ul className="bullets">
        {POINTS.map((point) => (
          <li key={point}>{t(`journal.protection.summary.${point}`)}</li>
        ))}
      </ul>
      <p>{t("journal.protection.lock")}</p>
      <p className="journal-link">
        <Link href="/">{t("journal.back")}</Link>
      </p>
    </Page>
  );
}
