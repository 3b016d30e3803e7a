/**
 * Today's doses on the Today screen, each with one tap for "taken" (and "taken late" or "missed"). A dose
 * not yet near its time shows "later today" without buttons (the server would refuse it). Logging again
 * changes the answer. After a missed dose, a gentle pointer to the prescriber. Loaded after Today's first
 * paint (its own chunk); a member without medication sees one quiet link.
 */
import type { DoseStatus, DueDose, Medication } from "@cairn/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useLogDose, useMedications, useMedicationToday } from "../../api/medications.ts";
import { LiveMessage } from "../../components/fields.tsx";
import { describeError } from "../../lib/forms.ts";
import { medicationName } from "./draft.ts";
import "./medications.css";

const ACTIONS: readonly DoseStatus[] = ["taken", "late", "missed"];

function DoseRow({
  dose,
  name,
  busy,
  onLog,
}: {
  dose: DueDose;
  name: string;
  busy: boolean;
  onLog: (status: DoseStatus) => void;
}) {
  const { t } = useTranslation();
  const title = (
    <>
      <span>{t("medications.today.at", { name, time: dose.time })}</span>
      <span className="dose__state">{t(`medications.today.states.${dose.state}`)}</span>
    </>
  );
  return (
    <li className={`dose dose--${dose.state}`}>
      {dose.state === "upcoming" ? (
        <p className="dose__title">{title}</p>
      ) : (
        <fieldset className="dose__actions">
          <legend className="dose__title">{title}</legend>
          <div className="button-row">
            {ACTIONS.map((status) => (
              <button
                key={status}
                type="button"
                className={`button${status === "taken" ? " button--primary" : ""}`}
                aria-pressed={dose.state === status}
                disabled={busy}
                onClick={() => onLog(status)}
              >
                {t(`medications.today.${status}`)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
    </li>
  );
}

export function TodayDoses() {
  const { t } = useTranslation();
  const medications = useMedications();
  const today = useMedicationToday();
  const log = useLogDose();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();

  if (!medications.data || !today.data) return null;
  if (medications.data.length === 0) {
    return (
      <p className="today-doses__add">
        <Link href="/medications">{t("medications.today.addLink")}</Link>
      </p>
    );
  }
  const byId = new Map<string, Medication>(medications.data.map((m) => [m.id, m]));
  const nameOf = (dose: DueDose) => {
    const medication = byId.get(dose.medicationId);
    return medication ? medicationName(t, medication) : "";
  };
  const anyMissed = today.data.doses.some((dose) => dose.state === "missed");

  function logDose(dose: DueDose, next: DoseStatus) {
    setStatus(undefined);
    setError(undefined);
    log.mutate(
      { id: dose.medicationId, input: { date: dose.date, time: dose.time, status: next } },
      {
        onSuccess: () =>
          setStatus(
            t("medications.today.logged", {
              name: nameOf(dose),
              time: dose.time,
              state: t(`medications.today.states.${next}`),
            }),
          ),
        onError: (failure) => setError(describeError(t, failure)),
      },
    );
  }

  return (
    <section className="card today-doses" aria-labelledby="doses-title">
      <h2 id="doses-title">{t("medications.today.title")}</h2>
      {today.data.doses.length === 0 ? (
        <p>{t("medications.today.none")}</p>
      ) : (
        <ul className="dose-list">
          {today.data.doses.map((dose) => (
            <DoseRow
              key={`${dose.medicationId}-${dose.time}`}
              dose={dose}
              name={nameOf(dose)}
              busy={log.isPending}
              onLog={(next) => logDose(dose, next)}
            />
          ))}
        </ul>
      )}
      <LiveMessage kind="status" message={status} />
      <LiveMessage kind="error" message={error} />
      {anyMissed ? <p className="notice">{t("medications.today.missedPrompt")}</p> : null}
      <p className="button-row">
        <Link href="/medications">{t("medications.today.manage")}</Link>
        <Link href="/medications/adherence">{t("medications.today.adherence")}</Link>
      </p>
    </section>
  );
}
