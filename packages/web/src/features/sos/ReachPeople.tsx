/** One tap to call or text a support person from the plan, and to tell the team (when the member has one). */
import { dialablePhone, type SupportPerson } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { useTeams } from "../../api/queries.ts";
import { smsHref } from "../help/HelpDialog.tsx";
import { ReachOutButton } from "../teams/ReachOut.tsx";
import { LeaveLink } from "./LeaveLink.tsx";
import { usePlanEditorPath } from "./plan.ts";

export function ReachPeople({
  people,
  onLeave,
}: {
  people: readonly SupportPerson[];
  /** Closes the dialog: the link to the plan leaves it. */
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const planEditor = usePlanEditorPath();
  const teams = useTeams().data ?? [];
  const reachable = people.filter((p): p is SupportPerson & { phone: string } => p.phone !== null);
  return (
    <>
      <section aria-labelledby="sos-people-title">
        <h3 id="sos-people-title">{t("sos.ride.peopleTitle")}</h3>
        {reachable.length === 0 ? (
          <p className="field__hint">
            <LeaveLink href={planEditor} onLeave={onLeave}>
              {t("sos.ride.noPeople")}
            </LeaveLink>
          </p>
        ) : null}
        <ul className="contact-list">
          {reachable.map((person) => {
            const number = dialablePhone(person.phone);
            return (
              <li key={person.id} className="contact">
                <div className="contact__actions">
                  <a className="button button--primary" href={`tel:${number}`}>
                    {t("sos.ride.call", { name: person.name })}
                  </a>
                  <a className="button" href={smsHref(number, t("sos.ride.textBody"))}>
                    {t("sos.ride.text", { name: person.name })}
                  </a>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      {teams.length > 0 ? (
        <section aria-labelledby="sos-team-title">
          <h3 id="sos-team-title">{t("sos.ride.teamTitle")}</h3>
          {teams.map((team) => (
            <ReachOutButton
              key={team.id}
              team={team}
              label={
                teams.length === 1
                  ? t("sos.ride.teamButton")
                  : t("sos.ride.teamButtonNamed", { name: team.name })
              }
            />
          ))}
        </section>
      ) : null}
    </>
  );
}
