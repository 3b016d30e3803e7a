/**
 * The journal's screens, one lazily loaded chunk (with the crypto and argon2id's WebAssembly), nested under
 * /journal. Everything but "How your journal is protected" needs the journal opened on this device first.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Route, Switch } from "wouter";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useMember } from "../../app/session.ts";
import { Page } from "../../components/Page.tsx";
import { leaveJournal } from "./device.ts";
import { EditorPage } from "./EditorPage.tsx";
import { EntryPage } from "./EntryPage.tsx";
import { JournalPage } from "./JournalPage.tsx";
import { StartJournal, UnlockJournal } from "./KeyForms.tsx";
import { ProtectionPage } from "./ProtectionPage.tsx";
import { JournalKeyContext, journalKeys, useJournalAccess } from "./state.ts";
import "./journal.css";

function OpenedJournal() {
  return (
    <Switch>
      <Route path="/" component={JournalPage} />
      <Route path="/new/:kind?">{({ kind }) => <EditorPage key={kind ?? ""} promptKind={kind} />}</Route>
      <Route path="/:id/edit">{({ id }) => <EditorPage key={id} entryId={id} />}</Route>
      <Route path="/:id">{({ id }) => <EntryPage entryId={id} />}</Route>
    </Switch>
  );
}

function JournalGate() {
  const { t } = useTranslation();
  const access = useJournalAccess();
  if (access.isError) {
    return (
      <Page title={t("journal.title")}>
        <LoadFailed onRetry={() => void access.refetch()} />
      </Page>
    );
  }
  if (!access.data) return <Loading />;
  if (access.data.status === "absent") return <StartJournal />;
  if (access.data.status === "locked") return <UnlockJournal />;
  return (
    <JournalKeyContext.Provider value={access.data.key}>
      <OpenedJournal />
    </JournalKeyContext.Provider>
  );
}

export function JournalRoutes() {
  const member = useMember();
  const client = useQueryClient();
  useEffect(
    () => () => {
      leaveJournal(member.id);
      void client.invalidateQueries({ queryKey: journalKeys.access(member.id) });
    },
    [member.id, client],
  );
  return (
    <Switch>
      <Route path="/protection" component={ProtectionPage} />
      <Route>
        <JournalGate />
      </Route>
    </Switch>
  );
}
