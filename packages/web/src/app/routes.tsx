/**
 * Screens by route. Each screen is its own chunk, loaded on first visit, so the first screen only downloads
 * what it shows (the shell, help and i18n are in the entry).
 */
import type { Member } from "@cairn/core";
import { lazy } from "react";
import { Redirect, Route, Switch } from "wouter";
import { peekPendingInvite, savePendingInvite } from "../features/teams/pendingInvite.ts";
import { NotFound } from "./NotFound.tsx";
import { OfflineStart } from "./Offline.tsx";
import { MemberContext } from "./session.ts";

const SignInPage = lazy(() =>
  import("../features/auth/SignInPage.tsx").then((m) => ({ default: m.SignInPage })),
);
const SignUpPage = lazy(() =>
  import("../features/auth/SignUpPage.tsx").then((m) => ({ default: m.SignUpPage })),
);
const RecoverPage = lazy(() =>
  import("../features/auth/RecoverPage.tsx").then((m) => ({ default: m.RecoverPage })),
);
const OnboardingPage = lazy(() =>
  import("../features/onboarding/OnboardingPage.tsx").then((m) => ({ default: m.OnboardingPage })),
);
const TodayPage = lazy(() =>
  import("../features/today/TodayPage.tsx").then((m) => ({ default: m.TodayPage })),
);
const HistoryPage = lazy(() =>
  import("../features/history/HistoryPage.tsx").then((m) => ({ default: m.HistoryPage })),
);
const TeamsPage = lazy(() =>
  import("../features/teams/TeamsPage.tsx").then((m) => ({ default: m.TeamsPage })),
);
const TeamChatPage = lazy(() =>
  import("../features/teams/chat/TeamChatPage.tsx").then((m) => ({ default: m.TeamChatPage })),
);
const TeamDetailsPage = lazy(() =>
  import("../features/teams/details/TeamDetailsPage.tsx").then((m) => ({ default: m.TeamDetailsPage })),
);
const PlanPage = lazy(() => import("../features/plan/PlanPage.tsx").then((m) => ({ default: m.PlanPage })));
const PlanEditorPage = lazy(() =>
  import("../features/plan/PlanEditorPage.tsx").then((m) => ({ default: m.PlanEditorPage })),
);
const PlanVersionsPage = lazy(() =>
  import("../features/plan/VersionsPage.tsx").then((m) => ({ default: m.VersionsPage })),
);
const PlanVersionPage = lazy(() =>
  import("../features/plan/VersionsPage.tsx").then((m) => ({ default: m.VersionPage })),
);
const UrgesPage = lazy(() => import("../features/sos/UrgesPage.tsx").then((m) => ({ default: m.UrgesPage })));
const OverdosePage = lazy(() =>
  import("../features/overdose/OverdosePage.tsx").then((m) => ({ default: m.OverdosePage })),
);
const WithdrawalPage = lazy(() =>
  import("../features/withdrawal/WithdrawalPage.tsx").then((m) => ({ default: m.WithdrawalPage })),
);
const JournalRoutes = lazy(() =>
  import("../features/journal/JournalRoutes.tsx").then((m) => ({ default: m.JournalRoutes })),
);
const SettingsPage = lazy(() =>
  import("../features/settings/SettingsPage.tsx").then((m) => ({ default: m.SettingsPage })),
);
const MedicationsPage = lazy(() =>
  import("../features/medications/MedicationsPage.tsx").then((m) => ({ default: m.MedicationsPage })),
);
const AdherencePage = lazy(() =>
  import("../features/medications/AdherencePage.tsx").then((m) => ({ default: m.AdherencePage })),
);

/** The app started with no connection: the overdose page works from the device's copy; the rest waits. */
export function OfflineRoutes({ onRetry }: { onRetry: () => void }) {
  return (
    <Switch>
      <Route path="/overdose" component={OverdosePage} />
      <Route>
        <OfflineStart onRetry={onRetry} />
      </Route>
    </Switch>
  );
}

export function SignedOutRoutes() {
  return (
    <Switch>
      <Route path="/signin" component={SignInPage} />
      <Route path="/signup" component={SignUpPage} />
      <Route path="/recover" component={RecoverPage} />
      <Route path="/overdose" component={OverdosePage} />
      <Route path="/join/:code">
        {({ code }) => {
          // The invite waits for sign-in (or sign-up), then the join form opens with it.
          savePendingInvite(code);
          return <Redirect to="/signin" replace />;
        }}
      </Route>
      <Route>
        <Redirect to="/signin" replace />
      </Route>
    </Switch>
  );
}

/** Just signed in: to an invite opened while signed out, or to Today. */
function AfterSignIn() {
  const invite = peekPendingInvite();
  return <Redirect to={invite ? `/join/${encodeURIComponent(invite)}` : "/"} replace />;
}

export function SignedInRoutes({ member }: { member: Member }) {
  return (
    <MemberContext.Provider value={member}>
      <Switch>
        <Route path="/" component={TodayPage} />
        <Route path="/welcome" component={OnboardingPage} />
        <Route path="/history" component={HistoryPage} />
        <Route path="/teams">
          <TeamsPage />
        </Route>
        <Route path="/join/:code">{({ code }) => <TeamsPage inviteCode={code} />}</Route>
        <Route path="/teams/:id/about">{({ id }) => <TeamDetailsPage teamId={id} />}</Route>
        <Route path="/teams/:id">{({ id }) => <TeamChatPage key={id} teamId={id} />}</Route>
        <Route path="/plan" component={PlanPage} />
        <Route path="/plan/edit">{() => <PlanEditorPage mode="edit" />}</Route>
        <Route path="/plan/build">{() => <PlanEditorPage mode="build" />}</Route>
        <Route path="/plan/versions" component={PlanVersionsPage} />
        <Route path="/plan/versions/:version">
          {({ version }) => <PlanVersionPage version={Number(version)} />}
        </Route>
        <Route path="/settings" component={SettingsPage} />
        <Route path="/medications" component={MedicationsPage} />
        <Route path="/medications/adherence" component={AdherencePage} />
        <Route path="/urges" component={UrgesPage} />
        <Route path="/overdose" component={OverdosePage} />
        <Route path="/withdrawal" component={WithdrawalPage} />
        <Route path="/journal" component={JournalRoutes} nest />
        <Route path="/signin">
          <AfterSignIn />
        </Route>
        <Route path="/signup">
          <Redirect to="/" replace />
        </Route>
        <Route path="/recover">
          <Redirect to="/" replace />
        </Route>
        <Route component={NotFound} />
      </Switch>
    </MemberContext.Provider>
  );
}
