import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { useTeams } from "../api/queries.ts";

const ITEMS = [
  { href: "/", key: "app.nav.today" },
  { href: "/plan", key: "plan.navLabel" },
  { href: "/journal", key: "journal.nav" },
  { href: "/teams", key: "app.nav.team" },
  { href: "/settings", key: "app.nav.settings" },
] as const;

/** The tab a location belongs to: a team's chat and an invite link are under "Team", an entry under "Journal". */
export function tabOf(location: string): string {
  if (location.startsWith("/teams") || location.startsWith("/join/")) return "/teams";
  if (location.startsWith("/plan")) return "/plan";
  // Five tabs fit one thumb on a 360 px screen: the check-in history is reached from Today.
  if (location.startsWith("/history")) return "/";
  if (location.startsWith("/journal")) return "/journal";
  return location;
}

export function BottomNav() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const teams = useTeams();
  const unread = teams.data?.reduce((sum, team) => sum + team.unread, 0) ?? 0;
  const current = tabOf(location);
  return (
    <nav className="bottom-nav" aria-label={t("app.nav.label")}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={current === item.href ? "page" : undefined}>
              {t(item.key)}
              {item.href === "/teams" && unread > 0 ? (
                <span className="badge">
                  <span aria-hidden="true">{unread > 99 ? "99+" : unread}</span>
                  <span className="visually-hidden">, {t("app.nav.unread", { count: unread })}</span>
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
