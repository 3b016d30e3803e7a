/**
 * The "Team" tab: the member's teams with unread counts (kept current by the live connection), leaving one,
 * starting a team and joining one with an invite code. `/join/<code>` opens here with the code filled in.
 */
import { TEAM_LIMITS, type Team, teamCreateSchema, teamJoinSchema } from "@cairn/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { ApiRequestError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { useTeams } from "../../api/queries.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { Announcements, FormEnd, TextField } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { localizeFields } from "../../lib/forms.ts";
import { useApiForm } from "../../lib/useApiForm.ts";
import { LeaveTeam } from "./LeaveTeam.tsx";
import { useLive } from "./live/liveContext.ts";
import { clearPendingInvite, inviteCodeFrom, peekPendingInvite } from "./pendingInvite.ts";
import { useInvitePreview } from "./queries.ts";
import { useTeamActions } from "./useTeamActions.ts";
import "./teams.css";

function TeamItem({
  team,
  onLeft,
  onError,
}: {
  team: Team;
  onLeft: (message: string) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="team-item card">
      <Link href={`/teams/${team.id}`} className="team-item__link">
        <span className="team-item__name">{team.name}</span>
        <span className="team-item__meta">
          {t("teams.members", { count: team.memberCount })}
          {team.role === "leader" ? ` · ${t("teams.leader")}` : ""}
        </span>
        {team.unread > 0 ? (
          <span className="badge team-item__unread">{t("teams.unread", { count: team.unread })}</span>
        ) : null}
      </Link>
      <LeaveTeam teamId={team.id} name={team.name} onLeft={onLeft} onError={onError} />
    </li>
  );
}

function CreateTeamForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { arrived } = useTeamActions();
  const form = useApiForm({
    initial: { name: "" },
    check: teamCreateSchema,
    send: api.createTeam,
    onSuccess: ({ team }) => {
      arrived(team);
      navigate(`/teams/${team.id}`);
    },
  });
  return (
    <section className="card" aria-labelledby="create-team-title">
      <h2 id="create-team-title">{t("teams.create.title")}</h2>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
        <TextField
          label={t("teams.create.name")}
          hint={t("teams.create.nameHint")}
          autoComplete="off"
          maxLength={TEAM_LIMITS.nameMax}
          {...form.field("name")}
        />
        <FormEnd form={form} submit={t("teams.create.submit")} />
      </form>
    </section>
  );
}

/** Names the team an opened invite leads to, or says at once that the invite no longer works. */
function InviteNotice({ code }: { code: string }) {
  const { t } = useTranslation();
  const parsed = teamJoinSchema.safeParse({ code: inviteCodeFrom(code) });
  const preview = useInvitePreview(parsed.success ? parsed.data.code : undefined);
  if (preview.data) {
    const { name, memberCount } = preview.data.team;
    return (
      <p className="notice">
        {t("teams.join.fromLinkNamed", { name, members: t("teams.members", { count: memberCount }) })}
      </p>
    );
  }
  if (preview.error instanceof ApiRequestError && [404, 410].includes(preview.error.status)) {
    return <p className="notice notice--warning">{preview.error.message}</p>;
  }
  return <p className="notice">{t("teams.join.fromLink")}</p>;
}

function JoinTeamForm({ initialCode }: { initialCode: string | undefined }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { arrived } = useTeamActions();
  const form = useApiForm({
    initial: { code: initialCode ?? "" },
    check: ({ code }) => {
      const parsed = teamJoinSchema.safeParse({ code: inviteCodeFrom(code) });
      return parsed.success
        ? { ok: true as const, data: parsed.data }
        : { ok: false as const, fields: localizeFields({ code: parsed.error.issues[0]?.message ?? "" }) };
    },
    send: api.joinTeam,
    onSuccess: ({ team }) => {
      clearPendingInvite();
      arrived(team);
      navigate(`/teams/${team.id}`);
    },
    // A refused code (unknown, expired, withdrawn, a full team) is about the code: said beside it.
    onFailure: (error, failure) =>
      error instanceof ApiRequestError && [403, 404, 409, 410].includes(error.status)
        ? { fields: { code: failure.fields.code ?? error.message }, message: "" }
        : failure,
  });
  return (
    <section className="card" aria-labelledby="join-team-title">
      <h2 id="join-team-title">{t("teams.join.title")}</h2>
      {initialCode ? <InviteNotice code={initialCode} /> : null}
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
        <TextField
          label={t("teams.join.code")}
          hint={t("teams.join.codeHint")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          {...form.field("code")}
        />
        <FormEnd form={form} submit={t("teams.join.submit")} />
      </form>
    </section>
  );
}

export function TeamsPage({ inviteCode }: { inviteCode?: string }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const { removal, clearRemoval } = useLive();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const messages = useRef<HTMLDivElement>(null);
  const [initialCode] = useState(() => inviteCode ?? peekPendingInvite());

  // The removal notice is said once, here; leaving the screen clears it.
  useEffect(() => () => clearRemoval(), [clearRemoval]);

  const left = (message: string) => {
    setError(undefined);
    setStatus(message);
    messages.current?.focus();
  };
  const failed = (message: string) => {
    setStatus(undefined);
    setError(message);
  };

  const list = teams.data ?? [];
  return (
    <Page title={t("teams.title")} className="teams">
      {removal ? (
        <p className="notice notice--warning" role="alert">
          {removal.name ? t("teams.removedNotice", { name: removal.name }) : t("teams.removedNoticeNoName")}
        </p>
      ) : null}
      <p>{t("teams.intro")}</p>
      <Announcements ref={messages} status={status} error={error} />
      {initialCode ? <JoinTeamForm initialCode={initialCode} /> : null}
      {teams.isPending ? (
        <Loading />
      ) : teams.isError ? (
        <LoadFailed onRetry={() => void teams.refetch()} />
      ) : list.length === 0 ? (
        <p className="teams__empty">{t("teams.empty")}</p>
      ) : (
        <ul className="team-list" aria-label={t("teams.listLabel")}>
          {list.map((team) => (
            <TeamItem key={team.id} team={team} onLeft={left} onError={failed} />
          ))}
        </ul>
      )}
      {initialCode ? null : <JoinTeamForm initialCode={undefined} />}
      <CreateTeamForm />
    </Page>
  );
}
