/**
 * The craving SOS: a native modal <dialog> (focus stays inside, Escape closes). Its first screen — rate the
 * urge, say what set it off, start — is in the main bundle and renders at once; the plan's triggers fill in
 * when they arrive. Starting shows the timer straight away on the device's clock while the episode is
 * recorded in the background (the server keeps its own start time). The ride is kept on the device
 * (stored-ride.ts), so a reload picks up the same timer; one started in another tab or on another device is
 * offered to pick up (UnfinishedRide.tsx).
 */
import type { SosSaved } from "@cairn/core";
import { type Ref, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../../api/client.ts";
import { useSetSosMinutes, useStartSos } from "../../api/sos.ts";
import { HelpButton } from "../help/HelpButton.tsx";
import { useHelp } from "../help/HelpContext.ts";
import { RateStep, type RateValues } from "./RateStep.tsx";
import { SosSession } from "./session-chunk.ts";
import { forgetRide, keepRide, readRide } from "./stored-ride.ts";
import { LeftBehind, UnfinishedRide } from "./UnfinishedRide.tsx";
import "./sos.css";

const isAlreadyEnded = (error: unknown) => error instanceof ApiRequestError && error.status === 409;

/** An urge being ridden out: what the session screens need. */
export interface Ride extends RateValues {
  /** The device's clock at the tap: the timer counts from it. */
  startedAtMs: number;
  /** The recorded episode, once the server has answered. */
  episodeId?: string;
  /** The start could not be recorded (offline): the tools still work. */
  notSaved?: boolean;
}

interface Props {
  ref: Ref<HTMLDialogElement>;
  memberId: string;
  openCount: number;
  /** An episode finished or closed outside the dialog: if it is this ride, the dialog starts over. */
  endedElsewhere: string | undefined;
  onClosed: () => void;
  /** Closes the dialog (a link out of it was followed). */
  onClose: () => void;
}

export function SosDialog({ ref, memberId, openCount, endedElsewhere, onClosed, onClose }: Props) {
  const { t } = useTranslation();
  const { openHelp } = useHelp();
  const start = useStartSos();
  const setMinutes = useSetSosMinutes();
  const [restored] = useState(() => readRide(memberId, Date.now()));
  const [ride, setRide] = useState<Ride | undefined>(restored === "left" ? undefined : restored);
  const [leftBehind, setLeftBehind] = useState(restored === "left");
  // The ride was refused as already ended (closed on another screen or device): a new rating, with a word why.
  const [alreadyEnded, setAlreadyEnded] = useState(false);
  // Started here (not picked up after a reload): the timer takes the focus from the form that is gone.
  const [startedHere, setStartedHere] = useState(false);
  const finished = useRef(false);
  const [round, setRound] = useState(0);
  const helpShown = useRef(false);
  const firstField = useRef<HTMLInputElement>(null);
  const title = useRef<HTMLHeadingElement>(null);

  // Only an open (a new count) moves focus: to the rating when starting, to the title mid-ride.
  const riding = useRef(false);
  riding.current = ride !== undefined;
  useEffect(() => {
    if (openCount === 0) return;
    (riding.current ? title.current : firstField.current)?.focus();
  }, [openCount]);

  // Ended on the record of urges: that ride is over, so Craving SOS opens on a new rating.
  useEffect(() => {
    if (endedElsewhere) setRide((r) => (r?.episodeId === endedElsewhere ? undefined : r));
  }, [endedElsewhere]);

  // The refused ride's form is gone: the new rating takes the focus.
  useEffect(() => {
    if (alreadyEnded) firstField.current?.focus();
  }, [alreadyEnded]);

  // The device keeps the ride while it runs (an answer that arrives after the finish doesn't bring it back).
  useEffect(() => {
    if (!ride) forgetRide(memberId);
    else if (!finished.current) keepRide(memberId, ride);
  }, [memberId, ride]);

  function begin(values: RateValues) {
    helpShown.current = false;
    finished.current = false;
    setLeftBehind(false);
    setAlreadyEnded(false);
    setStartedHere(true);
    setRide({ ...values, startedAtMs: Date.now() });
    start.mutate(
      {
        craving: values.craving,
        trigger: values.trigger,
        planTriggerId: values.planTriggerId,
        minutes: values.minutes,
      },
      {
        onSuccess: (saved: SosSaved) => {
          setRide((r) => r && { ...r, episodeId: saved.episode.id });
          if (saved.support.danger.length > 0 && !helpShown.current) openHelp();
        },
        onError: () => setRide((r) => r && { ...r, notSaved: true }),
      },
    );
  }

  // Kept on the server too, so a tab or device that picks the ride up counts to the same end. Refused as
  // already ended (finished in another tab or on another device): that ride is over here too.
  function moreTime(running: Ride) {
    const minutes = running.minutes + 5;
    setRide((r) => r && { ...r, minutes });
    if (!running.episodeId) return;
    setMinutes.mutate(
      { id: running.episodeId, minutes },
      {
        onError: (error) => {
          if (isAlreadyEnded(error)) endedHere();
        },
      },
    );
  }

  function endedHere() {
    again();
    setAlreadyEnded(true);
  }

  // A ride started elsewhere, taken up here: the timer takes the focus from the button that is gone.
  function pickUp(started: Ride) {
    finished.current = false;
    setAlreadyEnded(false);
    setStartedHere(true);
    setRide(started);
  }

  function again() {
    finished.current = false;
    setRide(undefined);
    setRound((n) => n + 1);
  }

  // A finished ride is done: closing the dialog leaves a new rating for next time (only a ride running resumes).
  function closed() {
    if (finished.current) again();
    setAlreadyEnded(false);
    onClosed();
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop is a mouse nicety; Escape closes for keyboards.
    <dialog
      ref={ref}
      className="help-dialog sos-dialog"
      aria-labelledby="sos-title"
      onClose={closed}
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
    >
      <div className="help-dialog__inner">
        <div className="help-dialog__header">
          <h2 id="sos-title" ref={title} tabIndex={-1}>
            {t("sos.title")}
          </h2>
          <HelpButton />
          <form method="dialog">
            <button type="submit" className="button button--quiet help-dialog__close">
              {t("sos.close")}
            </button>
          </form>
        </div>
        {ride ? (
          <Suspense fallback={<p role="status">{t("sos.ride.loading")}</p>}>
            <SosSession
              ride={ride}
              focusOnShow={startedHere}
              onMoreTime={() => moreTime(ride)}
              onFinished={() => {
                finished.current = true;
                forgetRide(memberId);
              }}
              onDanger={() => {
                helpShown.current = true;
                openHelp();
              }}
              onAgain={again}
              onLeave={onClose}
              onAlreadyEnded={endedHere}
            />
          </Suspense>
        ) : (
          <>
            {alreadyEnded ? (
              <p className="notice" role="status">
                {t("sos.alreadyEnded")}
              </p>
            ) : null}
            {leftBehind ? (
              <LeftBehind onLeave={onClose} />
            ) : openCount > 0 ? (
              <UnfinishedRide onPickUp={pickUp} onLeave={onClose} />
            ) : null}
            <RateStep key={round} firstField={firstField} open={openCount > 0} onStart={begin} />
          </>
        )}
      </div>
    </dialog>
  );
}
