/**
 * Riding out an urge: the timer (computed from the start and the clock, core sos/timer.ts), the breathing
 * guide, the member's own coping steps for the trigger first, one tap to call or text a support person and
 * to tell the team; then the re-rating, and what it came to. A separate chunk, fetched ahead (SosProvider).
 */
import {
  copingStepsFor,
  dangerInWords,
  formatCountdown,
  planTriggerFor,
  SOS_LIMITS,
  type SosEpisode,
  suggestCopingSteps,
  timerState,
} from "@cairn/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/fields.tsx";
import { useNow } from "../../lib/useNow.ts";
import { Breathing } from "./Breathing.tsx";
import { DoneStep } from "./DoneStep.tsx";
import { EndStep } from "./EndStep.tsx";
import { useSosPlan } from "./plan.ts";
import { ReachPeople } from "./ReachPeople.tsx";
import type { Ride } from "./SosDialog.tsx";

const MINUTE = 60_000;

/** What the polite live region says: only at the start, every 5 minutes and at the end, never each second. */
function useTimerAnnouncement(remainingMs: number, done: boolean, minutes: number): string {
  const { t } = useTranslation();
  if (done) return t("sos.ride.timeUp");
  const mark = Math.ceil(Math.ceil(remainingMs / MINUTE) / 5) * 5;
  return mark >= minutes
    ? t("sos.ride.started", { count: minutes })
    : t("sos.ride.minutesLeft", { count: mark });
}

export function SosSession({
  ride,
  focusOnShow,
  onMoreTime,
  onFinished,
  onDanger,
  onAgain,
  onLeave,
  onAlreadyEnded,
}: {
  ride: Ride;
  /** Just started from the form (which is gone): the timer's heading takes the focus. */
  focusOnShow: boolean;
  onMoreTime: () => void;
  onFinished: () => void;
  onDanger: () => void;
  onAgain: () => void;
  onLeave: () => void;
  onAlreadyEnded: () => void;
}) {
  const { t } = useTranslation();
  const plan = useSosPlan(true);
  const now = useNow(500);
  const [ready, setReady] = useState(false);
  const [ended, setEnded] = useState<SosEpisode | "unsaved">();
  const { minutes } = ride;
  const timer = timerState(ride.startedAtMs, minutes * MINUTE, now);
  const announcement = useTimerAnnouncement(timer.remainingMs, timer.done, minutes);
  const heading = useRef<HTMLHeadingElement>(null);

  // Only on showing: a later change of the prop must not pull the focus back.
  const focusFirst = useRef(focusOnShow);
  useEffect(() => {
    if (focusFirst.current) heading.current?.focus();
  }, []);

  // Safety first: danger language in what set it off opens help on this device before any answer comes back.
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current) return;
    checked.current = true;
    if (dangerInWords([ride.trigger]).length > 0) onDanger();
  }, [ride.trigger, onDanger]);

  // After the member's own steps, the plan's library of strategies that fit this trigger.
  const triggers = plan.data?.triggers ?? [];
  const fits = planTriggerFor(triggers, ride) ?? { kind: "situation" as const, label: ride.trigger ?? "" };
  const library = suggestCopingSteps(fits, 8).map((strategy) => strategy.step);
  const steps = copingStepsFor(triggers, ride, library);

  if (ended) {
    return <DoneStep ride={ride} ended={ended} onAgain={onAgain} onLeave={onLeave} />;
  }

  return (
    <div className="sos-session">
      {ride.notSaved ? <p className="notice">{t("sos.ride.notSaved")}</p> : null}
      <section className="sos-timer" aria-labelledby="sos-timer-label">
        <h3 id="sos-timer-label" className="sos-timer__label" ref={heading} tabIndex={-1}>
          {t("sos.ride.timerLabel")}
        </h3>
        <p className="sos-timer__time" role="timer" aria-labelledby="sos-timer-label">
          {formatCountdown(timer.remainingMs)}
        </p>
        <progress className="sos-timer__bar" max={1} value={timer.fraction} aria-hidden="true" />
        <LiveMessage kind="status" message={announcement} />
        {timer.done || ready ? null : (
          <div className="button-row">
            {minutes + 5 <= SOS_LIMITS.rideMinutesMax ? (
              <button type="button" className="button" onClick={onMoreTime}>
                {t("sos.ride.addFive")}
              </button>
            ) : null}
            <button type="button" className="button" onClick={() => setReady(true)}>
              {t("sos.ride.finishNow")}
            </button>
          </div>
        )}
      </section>

      {timer.done || ready ? (
        <EndStep
          ride={ride}
          steps={steps.forTrigger}
          focusOnShow={ready}
          onDanger={onDanger}
          onAlreadyEnded={onAlreadyEnded}
          onEnded={(episode) => {
            onFinished();
            setEnded(episode);
          }}
        />
      ) : null}

      <Breathing elapsedMs={now - ride.startedAtMs} />

      <section aria-labelledby="sos-steps-title">
        <h3 id="sos-steps-title">
          {steps.forTrigger.length > 0
            ? t("sos.ride.yourSteps", { trigger: steps.trigger?.label ?? "" })
            : t("sos.ride.otherSteps")}
        </h3>
        {steps.forTrigger.length > 0 ? (
          <>
            <ol className="sos-steps sos-steps--own">
              {steps.forTrigger.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <h3>{t("sos.ride.otherSteps")}</h3>
          </>
        ) : null}
        <ul className="sos-steps">
          {steps.others.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ul>
      </section>

      <ReachPeople people={plan.data?.supportPeople ?? []} onLeave={onLeave} />
    </div>
  );
}
