/**
 * "How your journal is protected": docs/SECURITY.md's account of the journal, in the same words, from the
 * catalog (so it is translated with the app). The full document, with the technical details, ships with the
 * source.
 */
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { Page } from "../../components/Page.tsx";

const PROTECTS = ["copy", "operators", "subpoena", "tampering"] as const;
const DOES_NOT = ["server", "device", "malware", "lose", "metadata"] as const;

export function ProtectionPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("journal.protection.title")} className="journal">
      <p>{t("journal.protection.intro")}</p>
      <h2>{t("journal.protection.protectsTitle")}</h2>
      <ul className="bullets">
        {PROTECTS.map((point) => (
          <li key={point}>{t(`journal.protection.protects.${point}`)}</li>
        ))}
      </ul>
      <h2>{t("journal.protection.notTitle")}</h2>
      <ul className="bullets">
        {DOES_NOT.map((point) => (
          <li key={point}>{t(`journal.protection.not.${point}`)}</li>
        ))}
      </ul>
      <p>{t("journal.protection.safety")}</p>
      <p>{t("journal.protection.full")}</p>
      <p className="journal-link">
        <Link href="/">{t("journal.back")}</Link>
      </p>
    </Page>
  );
}
