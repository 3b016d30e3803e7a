import { addDays, type CheckinSaved, checkinDateProblem, isLocalDate } from "@cairn/core";
import { lazy, Suspense, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Redirect, useSearchParams } from "wouter";
import { useCheckinRange, useProgress, useRecoveries } from "../../api/queries.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useMember } from "../../app/session.ts";
import { Page } from "../../components/Page.tsx";
import { localizeCoreMessage } from "../../i18n/index.ts";
import { describeLocalDate, hourIn } from "../../lib/dates.ts";
import { useToday } from "../../lib/useToday.ts";
import { CheckinForm } from "../checkins/CheckinForm.tsx";
import { LapseSupport } from "../checkins/LapseSupport.tsx";
import { TodayPlanCard } from "../plan/TodayPlanCard.tsx";
import { TeamReachOut } from "../teams/TeamReachOut.tsx";
import { WithdrawalPrompt } from "../withdrawal/WithdrawalPrompt.tsx";
import { DayChooser } from "./DayChooser.tsx";
import { ProgressCards } from "./ProgressCards.tsx";
import "./today.css";

// Not part of Today's first paint: the doses card arrives in its own chunk.
const TodayDoses = lazy(() =>
  import("../medications/TodayDoses.tsx").then((m) => ({ default: m.TodayDoses })),
);

/** Before this hour, "today" has only just begun and yesterday's check-in is offered first (case C06). */
const LATE_NIGHT_UNTIL = 4;

export function TodayPage() {
  const { t, i18n } = useTranslation();
  const member = useMember();
  const today = useToday(member.timezone);
  const yesterday = addDays(today, -1);
  const [params, setParams] = useSearchParams();
  const requested = params.get("date");
  const date = requested && isLocalDate(requested) ? requested : today;
  const futureProblem = checkinDateProblem(date, today);

  const recoveries = useRecoveries();
  const progress = useProgress();
  const saved = useCheckinRange(date, date);
  const lateNight = date === today && hourIn(member.timezone) < LATE_NIGHT_UNTIL;
  const yesterdayCheckin = useCheckinRange(yesterday, yesterday, lateNight);
  const [support, setSupport] = useState<{ date: string; saved: CheckinSaved }>();
  // Arriving for a given day (History's "Edit"): the cursor goes to that day's check-in, not the screen's top.
  const checkinTitle = useRef<HTMLHeadingElement>(null);

  if (recoveries.data && recoveries.data.length === 0) return <Redirect to="/welcome" replace />;

  const chooseDate = (next: string) => {
    setSupport(undefined);
    setParams(next === today ? {} : { date: next }, { replace: true });
  };

  const name = member.displayName ?? member.username;
  const described = describeLocalDate(date, i18n.language);
  const savedCheckin = saved.data?.find((c) => c.date === date) ?? null;
  // A day that has not begun gets no new check-in, but one saved on it before a move to a zone further west
  // is the member's own record and stays open to correction (the server allows the same).
  const futureNotice = saved.isError || (saved.data && !savedCheckin) ? futureProblem : undefined;
  const shownSupport = support?.date === date ? support.saved.support : undefined;

  return (
    <Page title={t("today.title")} className="today" arrivalFocus={requested ? checkinTitle : undefined}>
      <p className="today__greeting">{t("today.greeting", { name })}</p>
      <TeamReachOut />

      {progress.data ? (
        <ProgressCards progress={progress.data} />
      ) : progress.isError ? (
        <LoadFailed onRetry={() => void progress.refetch()} />
      ) : (
        <Loading />
      )}

      <section className="today__checkin" aria-labelledby="checkin-title">
        <h2 id="checkin-title" ref={checkinTitle} tabIndex={-1}>
          {t("today.checkinTitle", { date: described })}
        </h2>
        <DayChooser date={date} today={today} onChange={chooseDate} />
        {lateNight && yesterdayCheckin.data && yesterdayCheckin.data.length === 0 ? (
          <div className="notice">
            <p>{t("today.lateHint")}</p>
            <button type="button" className="button" onClick={() => chooseDate(yesterday)}>
              {t("today.yesterday")}
            </button>
          </div>
        ) : null}
        {shownSupport?.lapse ? <LapseSupport support={shownSupport} /> : null}
        {futureNotice ? (
          <p className="notice notice--warning" role="alert">
            {localizeCoreMessage(futureNotice)}
          </p>
        ) : recoveries.isError || saved.isError ? (
          <LoadFailed
            onRetry={() => {
              void recoveries.refetch();
              void saved.refetch();
            }}
          />
        ) : !recoveries.data || saved.isPending ? (
          <Loading />
        ) : (
          <>
            {savedCheckin ? <p className="notice">{t("today.editing")}</p> : null}
            <CheckinForm
              key={date}
              date={date}
              today={today}
              // Only recoveries that had begun by that day can be asked about (the server refuses the rest).
              recoveries={recoveries.data.filter((recovery) => recovery.startDate <= date)}
              saved={savedCheckin}
              onSaved={(result) => setSupport({ date, saved: result })}
            />
          </>
        )}
        <p className="today__history">
          <Link href="/history">{t("today.historyLink")}</Link>
        </p>
      </section>

      <Suspense fallback={null}>
        <TodayDoses />
      </Suspense>
      <TodayPlanCard today={today} />
      {recoveries.data ? <WithdrawalPrompt recoveries={recoveries.data} today={today} /> : null}

      {member.reasons.length > 0 ? (
        <section className="card reasons-card" aria-labelledby="reasons-title">
          <h2 id="reasons-title">{t("today.reasonsTitle")}</h2>
          <ul className="bullets">
            {member.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
