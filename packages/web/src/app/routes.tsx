/**
 * Screens by route. Each screen is its own chunk, loaded on first visit, so the first screen only downloads
 * what it shows (the shell, help and i18n are in the entry).
 */
import type { Member } from "@cairn/core";
import { lazy } from "react";
import { Redirect, Route, Switch } from "wouter";
import { peekPendingInvite, savePendingInvite } from "../features/teams/pendingInvite.ts";
import { NotFound } from "./NotFound.tsx";
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
const JournalRoutes = lazy(() =>
  import("../features/journal/JournalRoutes.tsx").then((m) => ({ default: m.JournalRoutes })),
);
const SettingsPage = lazy(() =>
  import("../features/settings/SettingsPage.tsx").then((m) => ({ default: m.SettingsPage })),
);

export function SignedOutRoutes() {
  return (
    <Switch>
      <Route path="/signin" component={SignInPage} />
      <Route path="/signup" component={SignUpPage} />
      <Route path="/recover" component={RecoverPage} />
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
        <Route path="/settings" component={SettingsPage} />
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
