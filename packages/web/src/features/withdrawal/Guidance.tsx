/** When to seek medical help, from core's rules over the member's checks; "get help now" is always offered. */
import { type GuidanceCheck, withdrawalGuidance } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { useHelp } from "../help/HelpContext.ts";

export function Guidance({ checks }: { checks: readonly GuidanceCheck[] }) {
  const { t } = useTranslation();
  const { openHelp } = useHelp();
  const guidance = withdrawalGuidance(checks);
  const urgent = guidance.urgency !== "watch";

  return (
    <section
      className={`card withdrawal-guidance${urgent ? " withdrawal-guidance--urgent" : ""}`}
      aria-labelledby="guidance-title"
    >
      <h2 id="guidance-title">{t("withdrawal.guidanceTitle")}</h2>
      {guidance.latestTotal === null ? (
        <p>{t("withdrawal.guidance.empty")}</p>
      ) : (
        <>
          <p className={urgent ? "withdrawal-guidance__advice" : undefined}>
            {t(`withdrawal.guidance.${guidance.urgency}`)}
          </p>
          {guidance.reasons.length > 0 ? (
            <ul className="bullets">
              {guidance.reasons.map((reason) => (
                <li key={reason}>{t(`withdrawal.reasons.${reason}`)}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <p>{t("withdrawal.unsafe")}</p>
      <button type="button" className="button button--danger button--block" onClick={() => openHelp()}>
        {t("withdrawal.getHelpNow")}
      </button>
      <p className="field__hint">{t("withdrawal.notAdvice")}</p>
    </section>
  );
}
