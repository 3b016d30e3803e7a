import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { Page } from "../components/Page.tsx";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t("app.notFound.title")}>
      <p>{t("app.notFound.body")}</p>
      <p>
        <Link href="/">{t("app.notFound.home")}</Link>
      </p>
    </Page>
  );
}
