import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { usePlanVersion, usePlanVersions } from "../../api/plan.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useMember } from "../../app/session.ts";
import { Page } from "../../components/Page.tsx";
import { describeInstant } from "./describe.ts";
import { PlanView } from "./PlanView.tsx";
import "./plan.css";

/** Every kept version of the plan, newest first; each opens read-only. */
export function VersionsPage() {
  const { t, i18n } = useTranslation();
  const member = useMember();
  const versions = usePlanVersions();
  return (
    <Page title={t("plan.versions.title")} className="plan-page">
      <p>{t("plan.versions.intro")}</p>
      {versions.isError ? (
        <LoadFailed onRetry={() => void versions.refetch()} />
      ) : !versions.data ? (
        <Loading />
      ) : versions.data.length === 0 ? (
        <p>{t("plan.versions.empty")}</p>
      ) : (
        <ul className="plan-versions">
          {versions.data.map((v, i) => (
            <li key={v.version}>
              <Link href={`/plan/versions/${v.version}`}>
                {t("plan.versions.item", {
                  version: v.version,
                  date: describeInstant(v.savedAt, i18n.language, member.timezone),
                })}
              </Link>
              {i === 0 ? ` ${t("plan.versions.current")}` : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/plan">{t("plan.editor.cancel")}</Link>
      </p>
    </Page>
  );
}

export function VersionPage({ version }: { version: number }) {
  const { t, i18n } = useTranslation();
  const member = useMember();
  const found = usePlanVersion(version);
  const date = found.data?.savedAt ? describeInstant(found.data.savedAt, i18n.language, member.timezone) : "";
  return (
    <Page title={t("plan.versions.viewTitle", { date })} className="plan-page">
      {found.isError ? (
        <LoadFailed onRetry={() => void found.refetch()} />
      ) : !found.data ? (
        <Loading />
      ) : (
        <>
          <p className="notice no-print">{t("plan.versions.viewNote")}</p>
          <PlanView plan={found.data.plan} />
        </>
      )}
      <p className="no-print">
        <Link href="/plan/versions">{t("plan.versions.back")}</Link>
      </p>
    </Page>
  );
}
