/** The member's own record of urges that passed: the summary, then each episode, newest first. */
import type { SosEpisode } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { useSosEpisodes } from "../../api/sos.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useMember } from "../../app/session.ts";
import { Page } from "../../components/Page.tsx";
import { listOf } from "../teams/ReachOut.tsx";
import { SummaryLine } from "./Summary.tsx";
import "./sos.css";

function Episode({ episode, timeZone }: { episode: SosEpisode; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(episode.startedAt));
  const minutes =
    episode.durationSeconds === null ? null : Math.max(1, Math.round(episode.durationSeconds / 60));
  return (
    <li className="card sos-episode">
      <h2 className="sos-episode__when">{when}</h2>
      <p className="sos-episode__ratings">
        {episode.cravingEnd === null
          ? `${t("sos.record.started", { craving: episode.cravingStart })} · ${t("sos.record.open")}`
          : t("sos.record.ended", { from: episode.cravingStart, to: episode.cravingEnd })}
        {minutes === null ? null : ` · ${t("sos.record.duration", { count: minutes })}`}
      </p>
      {episode.trigger ? <p>{t("sos.record.trigger", { trigger: episode.trigger })}</p> : null}
      {episode.helped.length > 0 ? (
        <p>{t("sos.record.helped", { list: listOf(episode.helped, i18n.language) })}</p>
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
