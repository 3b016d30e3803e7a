/** On Today, in the first weeks of an opioid recovery: a way into the withdrawal tracker (core decides when). */
import { offersWithdrawalTracker, type Recovery } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";

export function WithdrawalPrompt({ recoveries, today }: { recoveries: readonly Recovery[]; today: string }) {
  const { t } = useTranslation();
  if (!offersWithdrawalTracker(recoveries, today)) return null;
  return (
    <section className="card" aria-labelledby="withdrawal-prompt-title">
      <h2 id="withdrawal-prompt-title">{t("withdrawal.title")}</h2>
      <p>{t("withdrawal.fromToday")}</p>
      <Link href="/withdrawal" className="button button--block">
        {t("withdrawal.openTracker")}
      </Link>
    </section>
  );
}
