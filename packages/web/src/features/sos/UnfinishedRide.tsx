/**
 * A tab keeps only its own ride (stored-ride.ts). An urge still open on the server was started in another tab,
 * on another device, or in this tab before it was closed: while its timer could still be running it is offered
 * to pick up, counting from when it started; left longer, the record of urges finishes or closes it.
 */
import { rideResumes } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { useNewestSosEpisode } from "../../api/sos.ts";
import { LeaveLink } from "./LeaveLink.tsx";
import type { Ride } from "./SosDialog.tsx";

const MINUTE = 60_000;

/** The notice for a ride left too long to pick up as running. */
export function LeftBehind({ onLeave }: { onLeave: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="notice">
      {t("sos.leftBehind")}{" "}
      <LeaveLink href="/urges" onLeave={onLeave}>
        {t("sos.leftBehindLink")}
      </LeaveLink>
    </p>
  );
}

export function UnfinishedRide({
  onPickUp,
  onLeave,
}: {
  onPickUp: (ride: Ride) => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const episode = useNewestSosEpisode().data;
  if (!episode || episode.endedAt !== null) return null;
  const startedAtMs = Date.parse(episode.startedAt);
  if (!rideResumes(startedAtMs, episode.minutes * MINUTE, Date.now()))
    return <LeftBehind onLeave={onLeave} />;
  const ride: Ride = {
    craving: episode.cravingStart,
    trigger: episode.trigger,
    planTriggerId: episode.planTriggerId,
    minutes: episode.minutes,
    startedAtMs,
    episodeId: episode.id,
  };
  return (
    <div className="notice stack">
      <p role="status">{t("sos.unfinished")}</p>
      <button type="button" className="button" onClick={() => onPickUp(ride)}>
        {t("sos.pickUp")}
      </button>
    </div>
  );
}
