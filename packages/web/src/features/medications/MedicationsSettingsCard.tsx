import { useTranslation } from "react-i18next";
import { Link } from "wouter";

/** Settings' way to the medications screen (kept out of the bottom navigation). */
export function MedicationsSettingsCard() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="medications-settings-title">
      <h2 id="medications-settings-title">{t("medications.title")}</h2>
      <p>{t("medications.intro")}</p>
      <Link href="/medications" className="button button--block">
        {t("medications.list.manage")}
      </Link>
    </section>
  );
}
