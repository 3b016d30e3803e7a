/** Where the member keeps their naloxone, from their recovery plan, with a way to note it when it is missing. */
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useNaloxoneLocation } from "./naloxone.ts";

/** The plan editor, where the naloxone place is written down. */
export const PLAN_EDITOR_PATH = "/plan";

export function NaloxoneLocation() {
  const { t } = useTranslation();
  const location = useNaloxoneLocation();
  return (
    <section className="card naloxone" aria-labelledby="od-yours">
      <h2 id="od-yours">{t("overdose.yourNaloxoneTitle")}</h2>
      {location.isError ? (
        <LoadFailed onRetry={() => void location.refetch()} />
      ) : location.isPending ? (
        <Loading />
      ) : location.data ? (
        <>
          <p className="naloxone-place">{t("overdose.yourNaloxone", { place: location.data })}</p>
          <Link href={PLAN_EDITOR_PATH}>{t("overdose.changeNaloxone")}</Link>
        </>
      ) : (
        <>
          <p>{t("overdose.noNaloxone")}</p>
          <Link href={PLAN_EDITOR_PATH} className="button button--primary">
            {t("overdose.setNaloxone")}
          </Link>
        </>
      )}
    </section>
  );
}
