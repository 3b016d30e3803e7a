import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { usePlan } from "../../api/plan.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useMember } from "../../app/session.ts";
import { Page } from "../../components/Page.tsx";
import { describeInstant } from "./describe.ts";
import { PlanView } from "./PlanView.tsx";
import "./plan.css";

/** The member's plan, with the ways to change it, print it and look back. */
export function PlanPage() {
  const { t, i18n } = useTranslation();
  const member = useMember();
  const plan = usePlan();
  return (
    <Page title={t("plan.title")} className="plan-page">
      {plan.isError ? (
        <LoadFailed onRetry={() => void plan.refetch()} />
      ) : !plan.data ? (
        <Loading />
      ) : plan.data.version === 0 ? (
        <div className="stack">
          <p>{t("plan.empty")}</p>
          <Link href="/plan/build" className="button button--primary button--block">
            {t("plan.build")}
          </Link>
        </div>
      ) : (
        <>
          <p className="no-print">{t("plan.intro")}</p>
          {plan.data.savedAt ? (
            <p className="plan-saved">
              {t("plan.savedAt", {
                date: describeInstant(plan.data.savedAt, i18n.language, member.timezone),
              })}
            </p>
          ) : null}
          <div className="button-row no-print plan-tools">
            <Link href="/plan/edit" className="button button--primary">
              {t("plan.edit")}
            </Link>
            <button type="button" className="button" onClick={() => window.print()}>
              {t("plan.print")}
            </button>
            <Link href="/plan/versions" className="button">
              {t("plan.versionsLink")}
            </Link>
          </div>
          <p className="field__hint no-print">{t("plan.printHint")}</p>
          <PlanView plan={plan.data.plan} />
        </>
      )}
    </Page>
  );
}
