/** In Settings: the safety tools that have no tab of their own, so the bottom navigation stays short. */
import { useTranslation } from "react-i18next";
import { Link } from "wouter";

export function SafetyToolsCard() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="safety-tools-title">
      <h2 id="safety-tools-title">{t("overdose.settingsTitle")}</h2>
      <p>{t("overdose.settingsIntro")}</p>
      <ul className="bullets">
        <li>
          <Link href="/overdose">{t("overdose.title")}</Link>
        </li>
        <li>
          <Link href="/withdrawal">{t("withdrawal.settingsLink")}</Link>
        </li>
      </ul>
    </section>
  );
}
