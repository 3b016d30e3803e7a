import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";

const ITEMS = [
  { href: "/", key: "app.nav.today" },
  { href: "/history", key: "app.nav.history" },
  { href: "/settings", key: "app.nav.settings" },
] as const;

export function BottomNav() {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <nav className="bottom-nav" aria-label={t("app.nav.label")}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={location === item.href ? "page" : undefined}>
              {t(item.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
