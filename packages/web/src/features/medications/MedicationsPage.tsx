/**
 * The member's medications: each with its dose, schedule, clinic and take-home doses, editable in place and
 * removable (with the doses logged for it, which the question says plainly); another can be added. Below,
 * the clinic visits and pickups of the next 14 days, and a link to the last 30 days.
 */
import { MEDICATION_LIMITS, type Medication } from "@cairn/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import {
  useCreateMedication,
  useDeleteMedication,
  useMedications,
  useMedicationToday,
  usePatchMedication,
} from "../../api/medications.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useMember } from "../../app/session.ts";
import { Announcements, ConfirmRemoval } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { describeLocalDate } from "../../lib/dates.ts";
import { type OpenItem, useEditableList } from "../../lib/useEditableList.ts";
import { useReturnFocus } from "../../lib/useReturnFocus.ts";
import { useToday } from "../../lib/useToday.ts";
import { describeSchedule, medicationName } from "./draft.ts";
import { MedicationForm } from "./MedicationForm.tsx";
import { Visits } from "./Visits.tsx";
import "./medications.css";

type Open = OpenItem;

function doseText(t: TFunction, medication: Medication): string {
  const { dose } = medication;
  return "text" in dose ? dose.text : `${dose.amount} ${t(`medications.units.${dose.unit}`)}`;
}

interface ItemProps {
  medication: Medication;
  today: string;
  open: Open;
  removing: boolean;
  onOpen: (open: Open) => void;
  onDone: (message?: string) => void;
  onRemove: () => void;
}

function MedicationItem({ medication, today, open, removing, onOpen, onDone, onRemove }: ItemProps) {
  const { t, i18n } = useTranslation();
  const patch = usePatchMedication();
  const name = medicationName(t, medication);
  const editing = open?.mode === "edit" && open.id === medication.id;
  const confirming = open?.mode === "remove" && open.id === medication.id;
  const editButton = useReturnFocus<HTMLButtonElement>(editing);
  const removeButton = useReturnFocus<HTMLButtonElement>(confirming);

  if (editing) {
    return (
      <li className="medication-item">
        <MedicationForm
          medication={medication}
          today={today}
          title={name}
          submit={t("medications.form.save")}
          send={(input) => patch.mutateAsync({ id: medication.id, patch: input })}
          onSaved={(saved) => onDone(t("medications.list.saved", { name: medicationName(t, saved) }))}
          onCancel={() => onDone()}
        />
      </li>
    );
  }

  const { schedule, takeHome } = medication;
  return (
    <li className="medication-item">
      <h2>{name}</h2>
      <p>{doseText(t, medication)}</p>
      <p>
        {describeSchedule(t, schedule, i18n.language)}
        {schedule.kind === "monthly" && schedule.day > 28 ? ` ${t("medications.schedule.monthEnd")}` : ""}
      </p>
      {medication.clinic ? <p>{t("medications.list.at", { clinic: medication.clinic })}</p> : null}
      {takeHome ? (
        <p>
          {t("medications.list.takeHome", { count: takeHome.remaining })}
          {takeHome.nextPickup
            ? ` · ${t("medications.form.nextPickup")}: ${describeLocalDate(takeHome.nextPickup, i18n.language)}`
            : ""}
        </p>
      ) : null}
      {medication.notes ? <p className="medication-item__notes">{medication.notes}</p> : null}
      {confirming ? (
        <ConfirmRemoval
          question={t("medications.list.confirmRemove", { name })}
          confirm={t("medications.list.confirm")}
          keep={t("medications.list.keep")}
          busy={removing}
          onConfirm={onRemove}
          onKeep={() => onDone()}
        />
      ) : (
        <div className="button-row">
          <button
            ref={editButton}
            type="button"
            className="button"
            aria-label={t("medications.list.editLabel", { name })}
            onClick={() => onOpen({ mode: "edit", id: medication.id })}
          >
            {t("medications.list.edit")}
          </button>
          <button
            ref={removeButton}
            type="button"
            className="button button--quiet"
            aria-label={t("medications.list.removeLabel", { name })}
            onClick={() => onOpen({ mode: "remove", id: medication.id })}
          >
            {t("medications.list.remove")}
          </button>
        </div>
      )}
    </li>
  );
}

export function MedicationsPage() {
  const { t } = useTranslation();
  const member = useMember();
  const today = useToday(member.timezone);
  const medications = useMedications();
  const todayDoses = useMedicationToday();
  const create = useCreateMedication();
  const remove = useDeleteMedication();
  const { open, status, error, messages, addButton, openOne, done, removeItem } = useEditableList<Medication>(
    remove,
    (medication) => t("medications.list.removed", { name: medicationName(t, medication) }),
  );

  const list = medications.data ?? [];
  return (
    <Page title={t("medications.title")} className="medications">
      <p>{t("medications.intro")}</p>
      <Announcements ref={messages} status={status} error={error} />
      {medications.isPending ? (
        <Loading />
      ) : medications.isError ? (
        <LoadFailed onRetry={() => void medications.refetch()} />
      ) : (
        <section className="card">
          {list.length === 0 ? <p>{t("medications.list.empty")}</p> : null}
          <ul className="medication-list">
            {list.map((medication) => (
              <MedicationItem
                key={medication.id}
                medication={medication}
                today={today}
                open={open}
                removing={remove.isPending}
                onOpen={openOne}
                onDone={done}
                onRemove={() => removeItem(medication)}
              />
            ))}
          </ul>
          {open?.mode === "add" ? (
            <MedicationForm
              today={today}
              title={t("medications.form.addTitle")}
              submit={t("medications.form.add")}
              send={create.mutateAsync}
              onSaved={(saved) => done(t("medications.list.added", { name: medicationName(t, saved) }))}
              onCancel={() => done()}
            />
          ) : list.length >= MEDICATION_LIMITS.medicationsMax ? (
            <p className="field__hint">
              {t("medications.list.full", { max: MEDICATION_LIMITS.medicationsMax })}
            </p>
          ) : (
            <button
              ref={addButton}
              type="button"
              className="button button--block"
              onClick={() => openOne({ mode: "add" })}
            >
              {t("medications.list.add")}
            </button>
          )}
        </section>
      )}
      {list.length > 0 && todayDoses.data ? (
        <Visits visits={todayDoses.data.visits} medications={list} />
      ) : null}
      {list.length > 0 ? (
        <p>
          <Link href="/medications/adherence">{t("medications.adherence.link")}</Link>
        </p>
      ) : null}
    </Page>
  );
}
