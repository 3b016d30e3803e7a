/**
 * Paced breathing: in for 4, out for 6. The circle grows and shrinks only when the device allows motion
 * (sos.css); the words and the count always work. The cue is not a live region: announcing every second would
 * drown a screen reader, so the pattern is said once in plain words and the cue can be read at any time.
 */
import { breathState } from "@cairn/core";
import { useTranslation } from "react-i18next";

export function Breathing({ elapsedMs }: { elapsedMs: number }) {
  const { t } = useTranslation();
  const breath = breathState(elapsedMs);
  const cue = {
    in: t("sos.ride.breatheIn"),
    hold: t("sos.ride.hold"),
    out: t("sos.ride.breatheOut"),
  }[breath.phase];
  const { seconds } = breath;
  return (
    <section className="sos-breathing" aria-labelledby="sos-breathing-title">
      <h3 id="sos-breathing-title">{t("sos.ride.breathingTitle")}</h3>
      <p>{t("sos.ride.breathingHow")}</p>
      <div className="sos-breathing__stage" aria-hidden="true">
        <div
          // A new element per phase restarts its animation, begun as far in as the phase already is.
          key={`${breath.breath}-${breath.phase}`}
          className={`sos-breathing__circle sos-breathing__circle--${breath.phase}`}
          style={{ animationDuration: `${seconds}s`, animationDelay: `${-breath.progress * seconds}s` }}
        />
      </div>
      <p className="sos-breathing__cue">
        {cue} · {breath.secondsLeft}
      </p>
    </section>
  );
}
