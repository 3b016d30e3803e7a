/**
 * The craving SOS: a native modal <dialog> (focus stays inside, Escape closes). Its first screen — rate the
 * urge, say what set it off, start — is in the main bundle and renders at once; the plan's triggers fill in
 * when they arrive. Starting shows the timer straight away on the device's clock while the episode is
 * recorded in the background (the server keeps its own start time).
 */
import type { SosSaved } from "@cairn/core";
import { type Ref, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStartSos } from "../../api/sos.ts";
import { useHelp } from "../help/HelpContext.ts";
import { RateStep, type RateValues } from "./RateStep.tsx";
import { SosSession } from "./session-chunk.ts";
import "./sos.css";

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
  openCount: number;
  onClosed: () => void;
  /** Closes the dialog (a link out of it was followed). */
  onClose: () => void;
}

export function SosDialog({ ref, openCount, onClosed, onClose }: Props) {
  const { t } = useTranslation();
  const { openHelp } = useHelp();
  const start = useStartSos();
  const [ride, setRide] = useState<Ride>();
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

  function begin(values: RateValues) {
    helpShown.current = false;
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

  function again() {
    setRide(undefined);
    setRound((n) => n + 1);
  }

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop is a mouse nicety; Escape closes for keyboards.
    <dialog
      ref={ref}
      className="help-dialog sos-dialog"
      aria-labelledby="sos-title"
      onClose={onClosed}
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
    >
      <div className="help-dialog__inner">
        <div className="help-dialog__header">
          <h2 id="sos-title" ref={title} tabIndex={-1}>
            {t("sos.title")}
          </h2>
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
              onDanger={() => {
                helpShown.current = true;
                openHelp();
              }}
              onAgain={again}
              onLeave={onClose}
            />
          </Suspense>
        ) : (
          <RateStep key={round} firstField={firstField} open={openCount > 0} onStart={begin} />
        )}
      </div>
    </dialog>
  );
}
