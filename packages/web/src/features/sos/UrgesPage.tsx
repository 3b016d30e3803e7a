/**
 * The member's own record of urges that passed: the summary, then each episode, newest first. An episode left
 * unfinished (the app was closed mid-ride, or it was left for days) can be re-rated or closed here, so none
 * stays "not finished" for ever.
 */
import type { SosEpisode } from "@cairn/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useEndSos, useSosEpisodes } from "../../api/sos.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useMember } from "../../app/session.ts";
import { LiveMessage } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { unavailableWhile } from "../../lib/busy.ts";
import { describeError } from "../../lib/forms.ts";
import { useHelp } from "../help/HelpContext.ts";
import { listOf } from "../teams/ReachOut.tsx";
import { EndStep } from "./EndStep.tsx";
import { useSos } from "./SosContext.ts";
import { SummaryLine } from "./Summary.tsx";
import "./sos.css";

/**
 * Re-rate an unfinished episode, or close it without a rating; then the episode's heading takes the focus, and
 * the SOS forgets it if it is the ride it holds (otherwise Craving SOS would bring back an ended ride).
 */
function Unfinished({ episode, onDone }: { episode: SosEpisode; onDone: () => void }) {
  const { t } = useTranslation();
  const { openHelp } = useHelp();
  const { episodeEnded } = useSos();
  const close = useEndSos();
  const [finishing, setFinishing] = useState(false);
  const ended = () => {
    episodeEnded(episode.id);
    onDone();
  };
  if (finishing) {
    const ride = { craving: episode.cravingStart, episodeId: episode.id };
    return <EndStep ride={ride} steps={[]} focusOnShow onDanger={openHelp} onEnded={ended} />;
  }
  return (
    <>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => setFinishing(true)}>
          {t("sos.record.finish")}
        </button>
        <button
          type="button"
          className="button"
          {...unavailableWhile(close.isPending)}
          onClick={() =>
            close.mutate({ id: episode.id, input: { craving: null, helped: [] } }, { onSuccess: ended })
          }
        >
          {t("sos.record.close")}
        </button>
      </div>
      <LiveMessage kind="error" message={close.isError ? describeError(t, close.error) : undefined} />
    </>
  );
}

function Episode({ episode, timeZone }: { episode: SosEpisode; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const when = new Intl.DateTimeFormat(i18n.language, {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(episode.startedAt));
  // Only a re-rated episode has a length worth showing: one closed days later did not last days.
  const minutes =
    episode.durationSeconds === null || episode.cravingEnd === null
      ? null
      : Math.max(1, Math.round(episode.durationSeconds / 60));
  return (
    <li className="card sos-episode">
      <h2 className="sos-episode__when" ref={heading} tabIndex={-1}>
        {when}
      </h2>
      <p className="sos-episode__ratings">
        {episode.cravingEnd === null
          ? `${t("sos.record.started", { craving: episode.cravingStart })} · ${t(
              episode.endedAt === null ? "sos.record.open" : "sos.record.closed",
            )}`
          : t("sos.record.ended", { from: episode.cravingStart, to: episode.cravingEnd })}
        {minutes === null ? null : ` · ${t("sos.record.duration", { count: minutes })}`}
      </p>
      {episode.trigger ? <p>{t("sos.record.trigger", { trigger: episode.trigger })}</p> : null}
      {episode.helped.length > 0 ? (
        <p>{t("sos.record.helped", { list: listOf(episode.helped, i18n.language) })}</p>
      ) : null}
      {episode.endedAt === null ? (
        <Unfinished episode={episode} onDone={() => heading.current?.focus()} />
      ) : null}
    </li>
  );
}

export function UrgesPage() {
  const { t } = useTranslation();
  const member = useMember();
  const record = useSosEpisodes();
  return (
    <Page title={t("sos.record.title")} className="sos-record">
      <p>{t("sos.record.intro")}</p>
      {record.data ? (
        <>
          <SummaryLine summary={record.data.summary} />
          <ul className="sos-episodes">
            {record.data.episodes.map((episode) => (
              <Episode key={episode.id} episode={episode} timeZone={member.timezone} />
            ))}
          </ul>
        </>
      ) : record.isError ? (
        <LoadFailed onRetry={() => void record.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
