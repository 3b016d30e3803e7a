/**
 * About a team: its members (by alias), and leaving it. Leaders also mute and remove members, hand the lead to
 * another member, make, share and withdraw invites, and read the team's reports. Every removal and handover is
 * asked in place first, with the safe answer focused; after one, focus goes to the sentence that says what
 * happened.
 */
import type { InviteCreated, Report, TeamMember } from "@cairn/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { ApiRequestError } from "../../../api/client.ts";
import { api } from "../../../api/endpoints.ts";
import { keys } from "../../../api/queries.ts";
import { LoadFailed, Loading } from "../../../app/Loading.tsx";
import { useMember } from "../../../app/session.ts";
import { Announcements, ConfirmRemoval, SelectField, TextField } from "../../../components/fields.tsx";
import { Page } from "../../../components/Page.tsx";
import { unavailableWhile } from "../../../lib/busy.ts";
import { describeError } from "../../../lib/forms.ts";
import { useReturnFocus } from "../../../lib/useReturnFocus.ts";
import { useToday } from "../../../lib/useToday.ts";
import { LinkedText } from "../chat/LinkedText.tsx";
import { LeaveTeam } from "../LeaveTeam.tsx";
import { useLive } from "../live/liveContext.ts";
import { useTeamDetail } from "../queries.ts";
import { dayOf, messageTime } from "../timeline.ts";
import "../teams.css";

interface Say {
  status: (message: string) => void;
  error: (error: unknown) => void;
}

const MUTE_MINUTES = { hour: 60, day: 24 * 60, week: 7 * 24 * 60, untilUnmuted: null } as const;
type MuteChoice = keyof typeof MUTE_MINUTES;

const EXPIRY_DAYS = { d1: 1, d7: 7, d30: 30, d90: 90, never: null } as const;
type ExpiryChoice = keyof typeof EXPIRY_DAYS;

function MemberItem({
  teamId,
  teamName,
  member,
  me,
  leader,
  say,
}: {
  teamId: string;
  teamName: string;
  member: TeamMember;
  me: string;
  leader: boolean;
  say: Say;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState<"mute" | "remove" | "lead">();
  const [busy, setBusy] = useState(false);
  const [duration, setDuration] = useState<MuteChoice>("day");
  const muteButton = useReturnFocus<HTMLButtonElement>(open === "mute");
  const removeButton = useReturnFocus<HTMLButtonElement>(open === "remove");
  const leadButton = useReturnFocus<HTMLButtonElement>(open === "lead");
  const self = member.id === me;
  const alias = member.alias;

  async function act(run: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await run();
      await client.invalidateQueries({ queryKey: keys.team(teamId) });
      // The list shows the member's role in each team.
      void client.invalidateQueries({ queryKey: keys.teams });
      setOpen(undefined);
      say.status(done);
    } catch (error) {
      say.error(error);
    } finally {
      setBusy(false);
    }
  }

  function mute(event: FormEvent) {
    event.preventDefault();
    void act(
      () => api.muteMember(teamId, member.id, MUTE_MINUTES[duration]),
      t("teamDetails.mutedDone", { alias }),
    );
  }

  return (
    <li className="member-item">
      <p className="member-item__name">
        {self ? t("teamDetails.you", { alias }) : alias}
        {member.role === "leader" ? <span className="tag">{t("teamDetails.leader")}</span> : null}
        {member.muted ? <span className="tag tag--muted">{t("teamDetails.muted")}</span> : null}
      </p>
      {leader && !self ? (
        open === "mute" ? (
          <form className="stack" onSubmit={mute}>
            <SelectField
              label={t("teamDetails.muteFor", { alias })}
              hint={t("teamDetails.muteHint")}
              value={duration}
              onChange={(e) => setDuration(e.target.value as MuteChoice)}
            >
              {(Object.keys(MUTE_MINUTES) as MuteChoice[]).map((choice) => (
                <option key={choice} value={choice}>
                  {t(`teamDetails.durations.${choice}`)}
                </option>
              ))}
            </SelectField>
            <div className="button-row">
              <button type="submit" className="button button--primary" {...unavailableWhile(busy)}>
                {t("teamDetails.muteSubmit")}
              </button>
              <button type="button" className="button" onClick={() => setOpen(undefined)}>
                {t("form.cancel")}
              </button>
            </div>
          </form>
        ) : open === "remove" ? (
          <ConfirmRemoval
            question={t("teamDetails.removeQuestion", { alias, team: teamName })}
            confirm={t("teamDetails.removeConfirm")}
            keep={t("form.cancel")}
            busy={busy}
            onConfirm={() =>
              void act(() => api.removeMember(teamId, member.id), t("teamDetails.removed", { alias }))
            }
            onKeep={() => setOpen(undefined)}
          />
        ) : open === "lead" ? (
          <ConfirmRemoval
            question={t("teamDetails.handOverQuestion", { alias, team: teamName })}
            confirm={t("teamDetails.handOverConfirm")}
            keep={t("teamDetails.handOverKeep")}
            busy={busy}
            onConfirm={() =>
              void act(
                () => api.handOverLead(teamId, member.id),
                t("teamDetails.handedOver", { alias, team: teamName }),
              )
            }
            onKeep={() => setOpen(undefined)}
          />
        ) : (
          <div className="button-row">
            {member.muted ? (
              <button
                type="button"
                className="button"
                aria-label={t("teamDetails.unmuteLabel", { alias })}
                {...unavailableWhile(busy)}
                onClick={() =>
                  void act(() => api.unmuteMember(teamId, member.id), t("teamDetails.unmuted", { alias }))
                }
              >
                {t("teamDetails.unmute")}
              </button>
            ) : (
              <button
                ref={muteButton}
                type="button"
                className="button"
                aria-label={t("teamDetails.muteLabel", { alias })}
                onClick={() => setOpen("mute")}
              >
                {t("teamDetails.mute")}
              </button>
            )}
            <button
              ref={removeButton}
              type="button"
              className="button button--quiet"
              aria-label={t("teamDetails.removeLabel", { alias })}
              onClick={() => setOpen("remove")}
            >
              {t("teamDetails.remove")}
            </button>
            {member.role === "leader" ? null : (
              <button ref={leadButton} type="button" className="button" onClick={() => setOpen("lead")}>
                {t("teamDetails.handOver", { alias })}
              </button>
            )}
          </div>
        )
      ) : null}
    </li>
  );
}

function CopyField({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<string>();
  return (
    <div className="copy-field">
      <TextField label={label} value={value} readOnly onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        className="button"
        onClick={() => {
          const clipboard = navigator.clipboard;
          if (!clipboard) {
            setResult(t("teamDetails.copyFailed"));
            return;
          }
          clipboard.writeText(value).then(
            () => setResult(t("teamDetails.copied")),
            () => setResult(t("teamDetails.copyFailed")),
          );
        }}
      >
        {copyLabel}
      </button>
      <p className="copy-field__result" role="status">
        {result}
      </p>
    </div>
  );
}

function Invites({ teamId, say }: { teamId: string; say: Say }) {
  const { t, i18n } = useTranslation();
  const member = useMember();
  const client = useQueryClient();
  const invites = useQuery({
    queryKey: keys.invites(teamId),
    queryFn: async () => (await api.invites(teamId)).invites,
    staleTime: 0,
  });
  const [expiry, setExpiry] = useState<ExpiryChoice>("d7");
  const [created, setCreated] = useState<InviteCreated>();
  const [busy, setBusy] = useState(false);

  function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    api.createInvite(teamId, EXPIRY_DAYS[expiry]).then(
      (result) => {
        setBusy(false);
        setCreated(result);
        void client.invalidateQueries({ queryKey: keys.invites(teamId) });
      },
      (error: unknown) => {
        setBusy(false);
        say.error(error);
      },
    );
  }

  function revoke(inviteId: string) {
    api.revokeInvite(teamId, inviteId).then(
      () => {
        say.status(t("teamDetails.revoked"));
        void client.invalidateQueries({ queryKey: keys.invites(teamId) });
      },
      (error: unknown) => say.error(error),
    );
  }

  return (
    <section className="card" aria-labelledby="invites-title">
      <h2 id="invites-title">{t("teamDetails.invitesTitle")}</h2>
      <p>{t("teamDetails.invitesIntro")}</p>
      <form className="stack" onSubmit={create}>
        <SelectField
          label={t("teamDetails.expiry")}
          value={expiry}
          onChange={(e) => setExpiry(e.target.value as ExpiryChoice)}
        >
          {(Object.keys(EXPIRY_DAYS) as ExpiryChoice[]).map((choice) => (
            <option key={choice} value={choice}>
              {t(`teamDetails.expiryOptions.${choice}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--primary button--block" {...unavailableWhile(busy)}>
          {t("teamDetails.createInvite")}
        </button>
      </form>
      {created ? (
        <div className="invite-created stack">
          <p className="notice" role="status">
            {t("teamDetails.created")}
          </p>
          <CopyField
            label={t("teamDetails.code")}
            value={created.code}
            copyLabel={t("teamDetails.copyCode")}
          />
          <CopyField
            label={t("teamDetails.link")}
            value={`${window.location.origin}${created.link}`}
            copyLabel={t("teamDetails.copyLink")}
          />
        </div>
      ) : null}
      {invites.isPending ? (
        <Loading />
      ) : invites.isError ? (
        <LoadFailed onRetry={() => void invites.refetch()} />
      ) : invites.data.length === 0 ? (
        <p className="field__hint">{t("teamDetails.noInvites")}</p>
      ) : (
        <ul className="invite-list" aria-label={t("teamDetails.inviteListLabel")}>
          {invites.data.map((invite) => {
            const made = dayOf(invite.createdAt, member.timezone, i18n.language);
            return (
              <li key={invite.id} className="invite-item">
                <p>
                  <span className="tag">{t(`teamDetails.inviteStatus.${invite.status}`)}</span>
                  {/* Read as one phrase: "Active, made 4 December". */}
                  <span className="visually-hidden">,</span> {t("teamDetails.inviteMade", { date: made })}
                </p>
                {invite.status === "active" ? (
                  <>
                    <p className="field__hint">
                      {invite.expiresAt
                        ? t("teamDetails.inviteExpires", {
                            date: dayOf(invite.expiresAt, member.timezone, i18n.language),
                          })
                        : t("teamDetails.inviteNoExpiry")}
                    </p>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t("teamDetails.revokeLabel", { date: made })}
                      onClick={() => revoke(invite.id)}
                    >
                      {t("teamDetails.revoke")}
                    </button>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ReportItem({ teamId, report, say }: { teamId: string; report: Report; say: Say }) {
  const { t, i18n } = useTranslation();
  const member = useMember();
  const today = useToday(member.timezone);
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const deleteButton = useReturnFocus<HTMLButtonElement>(confirming);
  const message = report.message;
  const alias = message.author?.alias ?? t("chat.formerMember");

  async function act(run: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await run();
      setConfirming(false);
      await client.invalidateQueries({ queryKey: keys.reports(teamId) });
      say.status(done);
    } catch (error) {
      say.error(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="report-item">
      <p className="report-item__head">
        <span className="tag">
          {report.resolvedAt ? t("teamDetails.reportHandled") : t("teamDetails.reportOpen")}
        </span>{" "}
        {t("teamDetails.reportBy", {
          alias,
          time: messageTime(message.createdAt, member.timezone, i18n.language, today),
        })}
      </p>
      <blockquote className="report-item__message">
        {message.deleted ? (
          <p className="message__deleted">{t("chat.deleted")}</p>
        ) : message.kind === "reach_out" ? (
          <p>{t("chat.reachOut.alert", { alias })}</p>
        ) : (
          <p className="message__text">
            <LinkedText text={message.text ?? ""} />
          </p>
        )}
      </blockquote>
      <p>
        {report.reason ? t("teamDetails.reportReason", { reason: report.reason }) : t("teamDetails.noReason")}
      </p>
      {confirming ? (
        <ConfirmRemoval
          question={t("chat.delete.question")}
          confirm={t("chat.delete.confirm")}
          keep={t("chat.delete.keep")}
          busy={busy}
          onConfirm={() => void act(() => api.deleteMessage(teamId, message.seq), t("chat.delete.done"))}
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <div className="button-row">
          {report.resolvedAt ? null : (
            <button
              type="button"
              className="button"
              {...unavailableWhile(busy)}
              onClick={() => void act(() => api.resolveReport(teamId, report.id), t("teamDetails.resolved"))}
            >
              {t("teamDetails.resolve")}
            </button>
          )}
          {message.deleted ? null : (
            <button
              ref={deleteButton}
              type="button"
              className="button button--quiet"
              onClick={() => setConfirming(true)}
            >
              {t("chat.options.delete")}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function Reports({ teamId, say }: { teamId: string; say: Say }) {
  const { t } = useTranslation();
  const reports = useQuery({
    queryKey: keys.reports(teamId),
    queryFn: async () => (await api.reports(teamId)).reports,
    // Reports come in while the leader is elsewhere: read them again each time the screen opens.
    staleTime: 0,
  });
  return (
    <section className="card" aria-labelledby="reports-title">
      <h2 id="reports-title">{t("teamDetails.reportsTitle")}</h2>
      <p>{t("teamDetails.reportsIntro")}</p>
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <LoadFailed onRetry={() => void reports.refetch()} />
      ) : reports.data.length === 0 ? (
        <p className="field__hint">{t("teamDetails.noReports")}</p>
      ) : (
        <ul className="report-list">
          {reports.data.map((report) => (
            <ReportItem key={report.id} teamId={teamId} report={report} say={say} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function TeamDetailsPage({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const member = useMember();
  const [, navigate] = useLocation();
  const detail = useTeamDetail(teamId);
  const { removal } = useLive();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const messages = useRef<HTMLDivElement>(null);
  const say: Say = {
    status: (message) => {
      setError(undefined);
      setStatus(message);
      messages.current?.focus();
    },
    error: (failure) => {
      setStatus(undefined);
      setError(describeError(t, failure));
      messages.current?.focus();
    },
  };

  // Removed from this team while reading about it (case C13): back to the list, which says so.
  useEffect(() => {
    if (removal?.teamId === teamId) navigate("/teams", { replace: true });
  }, [removal, teamId, navigate]);

  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiRequestError && detail.error.status === 404;
    return missing ? (
      <Page title={t("teams.title")}>
        <p className="notice notice--warning">{t("teams.missing")}</p>
        <p>
          <Link href="/teams">{t("teams.back")}</Link>
        </p>
      </Page>
    ) : (
      <LoadFailed onRetry={() => void detail.refetch()} />
    );
  }

  const { team, members } = detail.data;
  const leader = team.role === "leader";
  return (
    <Page title={t("teamDetails.title", { name: team.name })} className="team-details">
      <p>
        <Link href={`/teams/${teamId}`}>{t("teamDetails.backToChat")}</Link>
      </p>
      <Announcements ref={messages} status={status} error={error} />
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t("teamDetails.membersTitle")}</h2>
        <ul className="member-list">
          {members.map((m) => (
            <MemberItem
              key={m.id}
              teamId={teamId}
              teamName={team.name}
              member={m}
              me={member.id}
              leader={leader}
              say={say}
            />
          ))}
        </ul>
      </section>
      {leader ? <Invites teamId={teamId} say={say} /> : null}
      {leader ? <Reports teamId={teamId} say={say} /> : null}
      <section className="card" aria-labelledby="leave-title">
        <h2 id="leave-title">{t("teamDetails.leaveTitle")}</h2>
        <LeaveTeam
          teamId={teamId}
          name={team.name}
          block
          onLeft={() => navigate("/teams", { replace: true })}
          onError={(message) => {
            setStatus(undefined);
            setError(message);
          }}
        />
      </section>
    </Page>
  );
}
