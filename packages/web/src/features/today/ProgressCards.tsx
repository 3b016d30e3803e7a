import { type Progress, type RecoveryProgress, reachedMilestone } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { describeLocalDate } from "../../lib/dates.ts";
import { formatMoney } from "../../lib/money.ts";
import { recoveryName } from "../../lib/recoveryName.ts";
import "./progress.css";

function RecoveryCard({ recovery, today }: { recovery: RecoveryProgress; today: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const name = recoveryName(t, recovery);
  const days = t("progress.days", { count: recovery.currentDays });
  const milestone = reachedMilestone(recovery) !== null;
  const headingId = `progress-${recovery.id}`;
  return (
    <li className={`card progress-card${milestone ? " progress-card--milestone" : ""}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="progress-card__name">
          {name}
        </h3>
        <p className="progress-card__days">{days}</p>
        <p className="progress-card__since">
          {recovery.soberSince > today
            ? t("progress.freshStart")
            : recovery.currentDays === 0
              ? t("progress.dayOne")
              : t("progress.since", { date: describeLocalDate(recovery.soberSince, locale) })}
        </p>
        {milestone ? (
          <p className="progress-card__celebrate">
            <span aria-hidden="true">🎉 </span>
            {t("progress.milestone", { days })}
          </p>
        ) : null}
        <p className="progress-card__next">
          {t("progress.nextMilestone", {
            days: t("progress.days", { count: recovery.nextMilestone.days }),
            date: describeLocalDate(recovery.nextMilestone.date, locale),
          })}
        </p>
        <dl className="stats">
          <div>
            <dt>{t("progress.longest")}</dt>
            <dd>{t("progress.days", { count: recovery.longestDays })}</dd>
          </div>
          <div>
            <dt>{t("progress.total")}</dt>
            <dd>{t("progress.days", { count: recovery.totalSoberDays })}</dd>
          </div>
          <div>
            <dt>{t("progress.last30")}</dt>
            <dd>{t("progress.last30Value", { count: recovery.soberDaysLast30 })}</dd>
          </div>
          {recovery.moneyNotSpent !== undefined ? (
            <div>
              <dt>{t("progress.money")}</dt>
              <dd>{formatMoney(recovery.moneyNotSpent, locale)}</dd>
            </div>
          ) : null}
        </dl>
      </article>
    </li>
  );
}

export function ProgressCards({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  return (
    <section className="progress" aria-labelledby="progress-title">
      <h2 id="progress-title">{t("progress.title")}</h2>
      <ul className="progress__list">
        {progress.recoveries.map((recovery) => (
          <RecoveryCard key={recovery.id} recovery={recovery} today={progress.today} />
        ))}
      </ul>
      <p className="progress__streak">
        <span className="progress__streak-label">{t("progress.streakTitle")}</span>{" "}
        <strong>{t("progress.streak", { count: progress.checkinStreak })}</strong>
      </p>
    </section>
  );
}
