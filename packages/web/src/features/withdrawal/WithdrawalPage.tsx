/**
 * The withdrawal tracker: rate today's symptoms, see when to get medical help, and the course over the last two
 * weeks as a chart with the same numbers in a table.
 */
import { addDays, TOTAL_MAX, WITHDRAWAL_LIMITS, withdrawalCourse } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { useWithdrawalChecks } from "../../api/withdrawal.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useMember } from "../../app/session.ts";
import { Page } from "../../components/Page.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { describeLocalDate } from "../../lib/dates.ts";
import { useToday } from "../../lib/useToday.ts";
import { CourseChart } from "./CourseChart.tsx";
import { Guidance } from "./Guidance.tsx";
import { SymptomForm } from "./SymptomForm.tsx";
import "./withdrawal.css";

const DAYS = WITHDRAWAL_LIMITS.defaultRangeDays;

function Course({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const checks = useWithdrawalChecks(from, to);
  if (checks.isError) return <LoadFailed onRetry={() => void checks.refetch()} />;
  if (!checks.data) return <Loading />;
  const days = withdrawalCourse(checks.data);
  const first = days[0];
  const last = days.at(-1);
  const date = (d: string) => describeLocalDate(d, i18n.language, "medium");

  return (
    <>
      <Guidance checks={checks.data} />
      <section className="card" aria-labelledby="course-title">
        <h2 id="course-title">{t("withdrawal.courseTitle")}</h2>
        {!first || !last ? (
          <p>{t("withdrawal.courseEmpty", { days: DAYS })}</p>
        ) : (
          <>
            <CourseChart
              days={days}
              label={t("withdrawal.chartLabel", { from: date(first.date), to: date(last.date) })}
            />
            <TableScroll label={t("withdrawal.tableCaption", { max: TOTAL_MAX })}>
              <table className="course-table">
                <caption>{t("withdrawal.tableCaption", { max: TOTAL_MAX })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("withdrawal.day")}</th>
                    <th scope="col">{t("withdrawal.checks")}</th>
                    <th scope="col">{t("withdrawal.highest")}</th>
                    <th scope="col">{t("withdrawal.latest")}</th>
                  </tr>
                </thead>
                <tbody>
                  {days.map((day) => (
                    <tr key={day.date}>
                      <th scope="row">
                        {t("withdrawal.dayN", { n: day.dayNumber })}
                        <span className="course-table__date">{date(day.date)}</span>
                      </th>
                      <td>{day.checks}</td>
                      <td>{day.highest}</td>
                      <td>{day.latest}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </section>
    </>
  );
}

export function WithdrawalPage() {
  const { t } = useTranslation();
  const member = useMember();
  const today = useToday(member.timezone);
  return (
    <Page title={t("withdrawal.title")} className="withdrawal">
      <p>{t("withdrawal.intro")}</p>
      <SymptomForm />
      <Course from={addDays(today, -(DAYS - 1))} to={today} />
    </Page>
  );
}
