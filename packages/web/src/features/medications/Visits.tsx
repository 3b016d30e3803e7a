import type { Medication, Visit } from "@cairn/core";
import { useTranslation } from "react-i18next";
import { describeLocalDate } from "../../lib/dates.ts";
import { medicationName } from "./draft.ts";

/** Clinic doses and take-home pickups in the next 14 days. */
export function Visits({ visits, medications }: { visits: Visit[]; medications: Medication[] }) {
  const { t, i18n } = useTranslation();
  const byId = new Map(medications.map((m) => [m.id, m]));
  return (
    <section className="card" aria-labelledby="visits-title">
      <h2 id="visits-title">{t("medications.visits.title")}</h2>
      {visits.length === 0 ? (
        <p>{t("medications.visits.none")}</p>
      ) : (
        <ul className="bullets">
          {visits.map((visit) => {
            const medication = byId.get(visit.medicationId);
            const values = {
              date: describeLocalDate(visit.date, i18n.language, "full"),
              time: visit.time,
              name: medication ? medicationName(t, medication) : "",
            };
            return (
              <li key={`${visit.medicationId}-${visit.kind}-${visit.date}-${visit.time}`}>
                {visit.kind === "dose"
                  ? t("medications.visits.dose", values)
                  : t("medications.visits.pickup", values)}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
