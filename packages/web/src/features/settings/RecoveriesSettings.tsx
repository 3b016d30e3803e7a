/**
 * The member's recoveries, correctable: a wrong start date or cost is edited in place, a recovery can be
 * removed (with its check-in answers, which the question says plainly) and another added with the same
 * fields as onboarding. One thing is open at a time; focus goes to what opened it when it closes.
 */
import { RECOVERY_LIMITS, type Recovery, SUBSTANCES, type Substance } from "@cairn/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useCreateRecovery, useDeleteRecovery, usePatchRecovery, useRecoveries } from "../../api/queries.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useMember } from "../../app/session.ts";
import { Announcements, ConfirmRemoval, FormEnd } from "../../components/fields.tsx";
import { describeLocalDate } from "../../lib/dates.ts";
import { formatMoney } from "../../lib/money.ts";
import { recoveryName } from "../../lib/recoveryName.ts";
import { useApiForm } from "../../lib/useApiForm.ts";
import { type OpenItem, useEditableList } from "../../lib/useEditableList.ts";
import { useReturnFocus } from "../../lib/useReturnFocus.ts";
import { useToday } from "../../lib/useToday.ts";
import { checkRecovery, EMPTY_RECOVERY, type RecoveryDraft } from "../onboarding/draft.ts";
import { RecoveryFields, SubstanceChoices } from "../onboarding/RecoveryFields.tsx";
import { recoveryDraftOf, recoveryPatch, substancesToAdd } from "./recoveries.ts";

type Open = OpenItem;

/** Puts the cursor in a form's first control when it appears. */
function useFocusFirstControl(form: { current: HTMLFormElement | null }) {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [form]);
}

function EditRecoveryForm({
  recovery,
  today,
  onSaved,
  onCancel,
}: {
  recovery: Recovery;
  today: string;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const patch = usePatchRecovery();
  const form = useApiForm({
    initial: () => recoveryDraftOf(recovery),
    check: (draft: RecoveryDraft) => recoveryPatch(recovery, draft, today),
    send: (changes) => patch.mutateAsync({ id: recovery.id, patch: changes }),
    onSuccess: ({ recovery: saved }) =>
      onSaved(t("settings.recoveries.saved", { name: recoveryName(t, saved) })),
  });
  useFocusFirstControl(form.formRef);
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
      <RecoveryFields
        substance={recovery.substance}
        legend={recoveryName(t, recovery)}
        value={form.values}
        today={today}
        errors={form.errors}
        className="recovery-details"
        onChange={form.update}
      />
      <FormEnd form={form} submit={t("settings.recoveries.save")} onCancel={onCancel} />
    </form>
  );
}

function AddRecoveryForm({
  today,
  options,
  onAdded,
  onCancel,
}: {
  today: string;
  options: readonly Substance[];
  onAdded: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateRecovery();
  const form = useApiForm({
    initial: { substance: undefined as Substance | undefined, startDate: today, ...EMPTY_RECOVERY },
    check: ({ substance, ...draft }) => checkRecovery(substance, draft, today),
    send: create.mutateAsync,
    onSuccess: ({ recovery }) => onAdded(t("settings.recoveries.added", { name: recoveryName(t, recovery) })),
  });
  useFocusFirstControl(form.formRef);
  const { substance } = form.values;
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack recovery-add">
      <h3>{t("settings.recoveries.addTitle")}</h3>
      <SubstanceChoices
        type="radio"
        options={options}
        selected={substance ? [substance] : []}
        error={form.errors.substance}
        onChange={(chosen) => form.update({ substance: chosen })}
      />
      {substance ? (
        <RecoveryFields
          substance={substance}
          legend={t(`substances.${substance}`)}
          value={form.values}
          today={today}
          errors={form.errors}
          className="recovery-details"
          onChange={form.update}
        />
      ) : null}
      <FormEnd form={form} submit={t("settings.recoveries.addSubmit")} onCancel={onCancel} />
    </form>
  );
}

interface ItemProps {
  recovery: Recovery;
  today: string;
  open: Open;
  only: boolean;
  removing: boolean;
  onOpen: (open: Open) => void;
  onDone: (message?: string) => void;
  onRemove: () => void;
}

function RecoveryItem({ recovery, today, open, only, removing, onOpen, onDone, onRemove }: ItemProps) {
  const { t, i18n } = useTranslation();
  const name = recoveryName(t, recovery);
  const editing = open?.mode === "edit" && open.id === recovery.id;
  const confirming = open?.mode === "remove" && open.id === recovery.id;
  const editButton = useReturnFocus<HTMLButtonElement>(editing);
  const removeButton = useReturnFocus<HTMLButtonElement>(confirming);

  if (editing) {
    return (
      <li className="recovery-item">
        <EditRecoveryForm recovery={recovery} today={today} onSaved={onDone} onCancel={() => onDone()} />
      </li>
    );
  }

  return (
    <li className="recovery-item">
      <h3>{name}</h3>
      <p>{t("progress.since", { date: describeLocalDate(recovery.startDate, i18n.language) })}</p>
      {recovery.dailyCost !== null ? (
        <p>
          {t("settings.recoveries.dailyCost", { amount: formatMoney(recovery.dailyCost, i18n.language) })}
        </p>
      ) : null}
      {confirming ? (
        <ConfirmRemoval
          question={t("settings.recoveries.confirmRemove", { name })}
          confirm={t("settings.recoveries.confirm")}
          keep={t("settings.recoveries.keep")}
          busy={removing}
          onConfirm={onRemove}
          onKeep={() => onDone()}
        />
      ) : (
        <>
          <div className="button-row">
            <button
              ref={editButton}
              type="button"
              className="button"
              aria-label={t("settings.recoveries.editLabel", { name })}
              onClick={() => onOpen({ mode: "edit", id: recovery.id })}
            >
              {t("settings.recoveries.edit")}
            </button>
            {only ? null : (
              <button
                ref={removeButton}
                type="button"
                className="button button--quiet"
                aria-label={t("settings.recoveries.removeLabel", { name })}
                onClick={() => onOpen({ mode: "remove", id: recovery.id })}
              >
                {t("settings.recoveries.remove")}
              </button>
            )}
          </div>
          {only ? <p className="field__hint">{t("settings.recoveries.onlyOne")}</p> : null}
        </>
      )}
    </li>
  );
}

export function RecoveriesSettings() {
  const { t } = useTranslation();
  const member = useMember();
  const today = useToday(member.timezone);
  const recoveries = useRecoveries();
  const remove = useDeleteRecovery();
  const { open, status, error, messages, addButton, openOne, done, removeItem } = useEditableList<Recovery>(
    remove,
    (recovery) => t("settings.recoveries.removed", { name: recoveryName(t, recovery) }),
  );

  const list = recoveries.data ?? [];
  const full = list.length >= RECOVERY_LIMITS.recoveriesMax;
  return (
    <section className="card" aria-labelledby="recoveries-title">
      <h2 id="recoveries-title">{t("settings.recoveries.title")}</h2>
      <p>{t("settings.recoveries.intro")}</p>
      <Announcements ref={messages} status={status} error={error} />
      {recoveries.isPending ? (
        <Loading />
      ) : recoveries.isError ? (
        <LoadFailed onRetry={() => void recoveries.refetch()} />
      ) : (
        <>
          <ul className="recovery-list">
            {list.map((recovery) => (
              <RecoveryItem
                key={recovery.id}
                recovery={recovery}
                today={today}
                open={open}
                only={list.length === 1}
                removing={remove.isPending}
                onOpen={openOne}
                onDone={done}
                onRemove={() => removeItem(recovery)}
              />
            ))}
          </ul>
          {open?.mode === "add" ? (
            <AddRecoveryForm
              today={today}
              options={substancesToAdd(SUBSTANCES, list)}
              onAdded={done}
              onCancel={() => done()}
            />
          ) : full ? (
            <p className="field__hint">
              {t("settings.recoveries.full", { max: RECOVERY_LIMITS.recoveriesMax })}
            </p>
          ) : (
            <button
              ref={addButton}
              type="button"
              className="button button--block"
              onClick={() => openOne({ mode: "add" })}
            >
              {t("settings.recoveries.add")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
