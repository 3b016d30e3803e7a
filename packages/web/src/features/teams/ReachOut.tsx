/**
 * "Reach out to my team": one press tells the team the member is having a hard time (a prominent alert in the
 * chat). The press carries a client id, so pressing again after a lost answer alerts the team once. Then the
 * member sees, live, who responded.
 */
import type { Team } from "@cairn/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { api } from "../../api/endpoints.ts";
import { useMember } from "../../app/session.ts";
import { LiveMessage } from "../../components/fields.tsx";
import { unavailableWhile } from "../../lib/busy.ts";
import { describeError } from "../../lib/forms.ts";
import { newClientId } from "./live/backoff.ts";
import { useLive, useTeamSnapshot } from "./live/liveContext.ts";
import { useHiddenAuthors } from "./queries.ts";

/** The aliases of teammates who answered message `seq` (replies and reactions), first one first. */
export function useResponders(teamId: string, seq: number | undefined): string[] {
  const member = useMember();
  const { store } = useLive();
  const hidden = useHiddenAuthors();
  const snapshot = useTeamSnapshot(store, teamId);
  if (seq === undefined) return [];
  const names: string[] = [];
  for (const m of snapshot.messages) {
    if (m.replyTo !== seq || m.deleted || !m.author || m.author.id === member.id) continue;
    if (hidden.has(m.author.id) || names.includes(m.author.alias)) continue;
    names.push(m.author.alias);
  }
  return names;
}

export function listOf(names: readonly string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { type: "conjunction" }).format(names);
  } catch {
    return names.join(", ");
  }
}

export function ReachOutButton({
  team,
  label,
  showChatLink = false,
}: {
  team: Pick<Team, "id" | "name">;
  label: string;
  showChatLink?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { store } = useLive();
  const [clientId, setClientId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [sentSeq, setSentSeq] = useState<number>();
  const [error, setError] = useState<string>();
  const responders = useResponders(team.id, sentSeq);

  function reachOut() {
    // A retry after a failure reuses the id: the team is alerted once.
    const id = clientId ?? newClientId();
    setClientId(id);
    setBusy(true);
    setError(undefined);
    api.reachOut(team.id, id).then(
      ({ message }) => {
        setBusy(false);
        setClientId(undefined);
        setSentSeq(message.seq);
        store?.stored(message);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(describeError(t, failure));
      },
    );
  }

  return (
    <div className="reach-out">
      <button
        type="button"
        className="button button--reach-out button--block"
        {...unavailableWhile(busy)}
        onClick={reachOut}
      >
        {label}
      </button>
      <LiveMessage kind="error" message={error} />
      <LiveMessage
        kind="status"
        message={
          sentSeq === undefined
            ? undefined
            : responders.length > 0
              ? `${t("reachOut.sent")} ${t("chat.reachOut.responded", { names: listOf(responders, i18n.language) })}`
              : t("reachOut.sent")
        }
      />
      {sentSeq !== undefined && showChatLink ? (
        <p>
          <Link href={`/teams/${team.id}`}>{t("reachOut.openChat")}</Link>
        </p>
      ) : null}
    </div>
  );
}
