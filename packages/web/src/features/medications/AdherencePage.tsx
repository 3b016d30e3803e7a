/**
 * The last 30 days of doses: taken on time, taken late, missed and not logged, as counts and a percentage
 * that says so when there is nothing to count yet; per medication and day by day. After a recent missed dose,
 * a gentle suggestion to talk to the prescriber, never advice about the dose itself.
 */
import type { AdherenceCounts } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useAdherence, useMedications } from "../../api/medications.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { Page } from "../../components/Page.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { describeLocalDate } from "../../lib/dates.ts";
import { medicationName } from "./draft.ts";
import "./medications.css";

const COUNTS = ["onTime", "late", "missed", "notLogged"] as const;

function Summary({ counts }: { counts: AdherenceCounts }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="adherence__percent">
        {counts.takenPercent === null
          ? t("medications.adherence.noData")
          : t("medications.adherence.percent", { percent: counts.takenPercent, count: counts.scheduled })}
      </p>
      <dl className="adherence__counts">
        {COUNTS.map((key) => (
          <div key={key}>
            <dt>{t(`medications.adherence.${key}`)}</dt>
            <dd>{counts[key]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export function AdherencePage() {
  const { t, i18n } = useTranslation();
  const adherence = useAdherence();
  const medications = useMedications();
  const data = adherence.data;
  const days = data?.days.filter((day) => day.counts.scheduled > 0).reverse() ?? [];
  return (
    <Page title={t("medications.adherence.title")} className="medications">
      <p>
        <Link href="/medications">{t("medications.adherence.back")}</Link>
      </p>
      {adherence.isError ? (
        <LoadFailed onRetry={() => void adherence.refetch()} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <section className="card" aria-labelledby="adherence-total">
            <h2 id="adherence-total">
              {t("medications.adherence.from", {
                from: describeLocalDate(data.from, i18n.language),
                to: describeLocalDate(data.to, i18n.language),
              })}
            </h2>
            <Summary counts={data.total} />
            {data.suggestPrescriber ? (
              <p className="notice">{t("medications.adherence.prescriber")}</p>
            ) : null}
          </section>
          {data.medications.length > 1 ? (
            <section className="card" aria-labelledby="adherence-each">
              <h2 id="adherence-each">{t("medications.adherence.perMedication")}</h2>
              {data.medications.map(({ medicationId, counts }) => {
                const medication = medications.data?.find((m) => m.id === medicationId);
                return (
                  <div key={medicationId}>
                    <h3>{medication ? medicationName(t, medication) : ""}</h3>
                    <Summary counts={counts} />
                  </div>
                );
              })}
            </section>
          ) : null}
          {days.length > 0 ? (
            <section className="card" aria-labelledby="adherence-days">
              <h2 id="adherence-days">{t("medications.adherence.byDay")}</h2>
              <TableScroll label={t("medications.adherence.byDayTable")} className="adherence__table">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("medications.adherence.date")}</th>
                      {COUNTS.map((key) => (
                        <th key={key} scope="col">
                          {t(`medications.adherence.short.${key}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {days.map(({ date, counts }) => (
                      <tr key={date}>
                        <th scope="row">{describeLocalDate(date, i18n.language, "medium")}</th>
                        {COUNTS.map((key) => (
                          <td key={key}>{counts[key]}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}
