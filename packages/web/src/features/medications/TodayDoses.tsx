/**
 * Today's doses on the Today screen, each with one tap for "taken" (and "taken late" or "missed"). Only the
 * answers core's rule allows at this moment are offered (doses.ts: the rule the server applies): a
 * dose not yet near its time shows "later today" without buttons, one within two hours of it only "taken".
 * Logging again changes the answer; a refused log shows the server's reason beside that dose. After a missed
 * dose, a gentle pointer to the prescriber. Loaded after Today's first paint (its own chunk); a member without
 * medication sees one quiet link.
 */
import type { DoseStatus, DueDose, Medication } from "@cairn/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useLogDose, useMedications, useMedicationToday } from "../../api/medications.ts";
import { LiveMessage } from "../../components/fields.tsx";
import { unavailableWhile } from "../../lib/busy.ts";
import { describeActionError } from "../../lib/forms.ts";
import { useNow } from "../../lib/useNow.ts";
import { answersOffered } from "./doses.ts";
import { medicationName } from "./draft.ts";
import "./medications.css";

const doseKey = (dose: DueDose) => `${dose.medicationId}-${dose.time}`;

function DoseRow({
  dose,
  name,
  now,
  busy,
  error,
  onLog,
}: {
  dose: DueDose;
  name: string;
  now: number;
  busy: boolean;
  error: string | undefined;
  onLog: (status: DoseStatus) => void;
}) {
  const { t } = useTranslation();
  const title = (
    <>
      <span>{t("medications.today.at", { name, time: dose.time })}</span>
      <span className="dose__state">
        {dose.state === "due" && now < Date.parse(dose.at)
          ? t("medications.today.states.dueSoon")
          : t(`medications.today.states.${dose.state}`)}
      </span>
    </>
  );
  const actions = answersOffered(dose, now);
  return (
    <li className={`dose dose--${dose.state}`}>
      {actions.length === 0 ? (
        <p className="dose__title">{title}</p>
      ) : (
        <fieldset className="dose__actions">
          <legend className="dose__title">{title}</legend>
          <div className="button-row">
            {actions.map((status) => (
              <button
                key={status}
                type="button"
                className={`button${status === "taken" ? " button--primary" : ""}`}
                aria-pressed={dose.state === status}
                {...unavailableWhile(busy)}
                onClick={() => onLog(status)}
              >
                {t(`medications.today.${status}`)}
              </button>
            ))}
          </div>
          <LiveMessage kind="error" message={error} />
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
  // Read every half minute: "taken late" and "missed" appear once a dose's time has come.
  const now = useNow(30_000);
  const [status, setStatus] = useState<string>();
  const [failed, setFailed] = useState<{ key: string; message: string }>();

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
    setFailed(undefined);
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
        onError: (failure) => setFailed({ key: doseKey(dose), message: describeActionError(t, failure) }),
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
              key={doseKey(dose)}
              dose={dose}
              name={nameOf(dose)}
              now={now}
              busy={log.isPending}
              error={failed?.key === doseKey(dose) ? failed.message : undefined}
              onLog={(next) => logDose(dose, next)}
            />
          ))}
        </ul>
      )}
      <LiveMessage kind="status" message={status} />
      {anyMissed ? <p className="notice">{t("medications.today.missedPrompt")}</p> : null}
      <p className="button-row">
        <Link href="/medications">{t("medications.today.manage")}</Link>
        <Link href="/medications/adherence">{t("medications.today.adherence")}</Link>
      </p>
    </section>
  );
}
