import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { ApiRequestError, NETWORK_ERROR } from "../api/client.ts";
import { useMe } from "../api/queries.ts";
import { HelpButton } from "../features/help/HelpButton.tsx";
import { HelpProvider } from "../features/help/HelpProvider.tsx";
import { SosButton } from "../features/sos/SosButton.tsx";
import { SosProvider } from "../features/sos/SosProvider.tsx";
import { LiveProvider } from "../features/teams/live/LiveProvider.tsx";
import { BottomNav } from "./BottomNav.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { LoadFailed, Loading } from "./Loading.tsx";
import { OfflineNotice } from "./Offline.tsx";
import { OfflineRoutes, SignedInRoutes, SignedOutRoutes } from "./routes.tsx";

const isNetworkError = (error: unknown) => error instanceof ApiRequestError && error.code === NETWORK_ERROR;

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t("app.skipToContent")}
    </a>
  );
}

/**
 * Focus never hides behind the bars (WCAG 2.4.11). The browser keeps a focused control clear of them through
 * the page's scroll padding (layout.css), but a focused text area only has its caret revealed: a tall note
 * could stay mostly under Today's fixed actions. This shows the whole box, within the same scroll padding.
 */
function useRevealFocusedTextAreas() {
  useEffect(() => {
    const reveal = (event: FocusEvent) => {
      if (event.target instanceof HTMLTextAreaElement) event.target.scrollIntoView({ block: "nearest" });
    };
    document.addEventListener("focusin", reveal);
    return () => document.removeEventListener("focusin", reveal);
  }, []);
}

function Shell() {
  const { t } = useTranslation();
  useRevealFocusedTextAreas();
  const me = useMe();
  const [location] = useLocation();
  const member = me.data ?? null;
  const shell = (
    <div className={`shell${member && location !== "/welcome" ? " shell--with-nav" : ""}`}>
      <SkipLink />
      <header className="topbar">
        <span className="topbar__brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span className="topbar__name">{t("app.name")}</span>
        </span>
        <div className="topbar__actions">
          {member ? <SosButton /> : null}
          <HelpButton />
        </div>
      </header>
      <OfflineNotice />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={location}>
          <Suspense fallback={<Loading />}>
            {me.isPending ? (
              <Loading />
            ) : me.isError && isNetworkError(me.error) ? (
              <OfflineRoutes onRetry={() => void me.refetch()} />
            ) : me.isError ? (
              <LoadFailed onRetry={() => void me.refetch()} />
            ) : member ? (
              <SignedInRoutes member={member} />
            ) : (
              <SignedOutRoutes />
            )}
          </Suspense>
        </ErrorBoundary>
      </main>
      {member && location !== "/welcome" ? <BottomNav /> : null}
    </div>
  );
  // The live connection (team chat) belongs to a signed-in member and ends with their session.
  return member ? (
    <LiveProvider member={member}>
      <SosProvider member={member}>{shell}</SosProvider>
    </LiveProvider>
  ) : (
    shell
  );
}

export function App({ client }: { client: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <HelpProvider>
        <Shell />
      </HelpProvider>
    </QueryClientProvider>
  );
}
