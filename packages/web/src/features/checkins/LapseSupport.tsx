/**
 * Shown after a check-in that records use. No shame: a lapse is information, the days before still count,
 * and there is one concrete next step. After opioid use the overdose page is offered first, before anything
 * else, with the overdose-safety lines from the operator's resources (tolerance drops fast; don't use alone;
 * carry naloxone).
 */
import type { CheckinSupport } from "@cairn/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useResources } from "../../api/queries.ts";
import { useHelp } from "../help/HelpContext.ts";

export function LapseSupport({ support }: { support: CheckinSupport }) {
  const { t } = useTranslation();
  const { openHelp } = useHelp();
  const resources = useResources();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="card lapse" aria-labelledby="lapse-title">
      <h2 id="lapse-title" ref={heading} tabIndex={-1}>
        {t("lapse.title")}
      </h2>
      {support.opioidLapse ? (
        <div className="lapse__opioid">
          <Link href="/overdose" className="button button--danger button--block lapse__overdose">
            {t("overdose.fromLapse")}
          </Link>
          <h3>{t("lapse.opioidTitle")}</h3>
          {resources.data ? (
            <ul className="bullets">
              {resources.data.afterOpioidUse.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p>{t("lapse.notAVerdict")}</p>
      <p>{t("lapse.startAgain")}</p>
      <h3>{t("lapse.nextStepTitle")}</h3>
      <p>{t("lapse.nextStep")}</p>
      <button type="button" className="button" onClick={() => openHelp()}>
        {t("lapse.reachOut")}
      </button>
      <Link className="button" href="/journal/new/trigger-chain">
        {t("journal.lapseLink")}
      </Link>
    </section>
  );
}
