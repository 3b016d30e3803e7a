/** After re-rating: what the urge came to, the member's record so far, and what next. */
import type { SosEpisode } from "@cairn/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSosEpisodes } from "../../api/sos.ts";
import { LeaveLink } from "./LeaveLink.tsx";
import type { Ride } from "./SosDialog.tsx";
import { SummaryLine } from "./Summary.tsx";

export function DoneStep({
  ride,
  ended,
  onAgain,
  onLeave,
}: {
  ride: Ride;
  ended: SosEpisode | "unsaved";
  onAgain: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const record = useSosEpisodes();
  useEffect(() => heading.current?.focus(), []);
  const to = ended === "unsaved" ? null : ended.cravingEnd;
  return (
    <section className="sos-done" aria-labelledby="sos-done-title">
      <h3 id="sos-done-title" ref={heading} tabIndex={-1}>
        {t("sos.done.title")}
      </h3>
      {ended === "unsaved" ? <p className="notice">{t("sos.ride.notSaved")}</p> : null}
      {to !== null ? (
        <p>
          {to < ride.craving ? t("sos.done.fell", { from: ride.craving, to }) : t("sos.done.same", { to })}
        </p>
      ) : null}
      {record.data ? <SummaryLine summary={record.data.summary} /> : null}
      <div className="button-row">
        <button type="button" className="button" onClick={onAgain}>
          {t("sos.done.again")}
        </button>
        <LeaveLink href="/urges" className="button button--primary" onLeave={onLeave}>
          {t("sos.done.record")}
        </LeaveLink>
      </div>
    </section>
  );
}
