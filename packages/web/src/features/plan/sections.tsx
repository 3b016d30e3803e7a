/** The editor's sections, one per part of the plan; the guided builder shows them one at a time. */
import {
  DAILY_ACTION_KINDS,
  PLAN_LIMITS,
  PROFESSIONAL_KINDS,
  SUPPORT_RELATIONS,
  suggestCopingSteps,
  TRIGGER_KINDS,
} from "@cairn/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../components/fields.tsx";
import type { FieldErrors } from "../../lib/forms.ts";
import { newId, type PlanDraft, replaced, without } from "./draft.ts";
import { focusItem } from "./focus.ts";
import { TextLines } from "./TextLines.tsx";

export interface SectionProps {
  draft: PlanDraft;
  update: (patch: Partial<PlanDraft>) => void;
  errors: FieldErrors;
}

export const SECTIONS = [
  "reasons",
  "triggers",
  "coping",
  "warningSigns",
  "dailyActions",
  "people",
  "professional",
] as const;
export type SectionName = (typeof SECTIONS)[number];

/** The section that holds a field path from the server or the schema (`supportPeople.0.phone` → people). */
export function sectionOf(path: string): SectionName {
  const [head, , sub] = path.split(".");
  if (head === "triggers") return sub === "copingSteps" ? "coping" : "triggers";
  if (head === "supportPeople") return "people";
  if (head === "professionalHelp" || head === "naloxoneLocation") return "professional";
  if (head === "warningSigns" || head === "dailyActions" || head === "reasons") return head;
  return "reasons";
}

function ListError({ error }: { error: string | undefined }) {
  return error ? <p className="field__error">{error}</p> : null;
}

interface ItemProps {
  /** The list it belongs to and its place there: a removal moves the cursor to the item after it. */
  list: string;
  index: number;
  legend: string;
  onRemove: () => void;
  children: ReactNode;
}

function Item({ list, index, legend, onRemove, children }: ItemProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="plan-item" data-list={list}>
      <legend>{legend}</legend>
      {children}
      <button
        type="button"
        className="button button--quiet"
        aria-label={t("plan.editor.removeLabel", { name: legend })}
        onClick={() => {
          onRemove();
          focusItem(list, index);
        }}
      >
        {t("plan.editor.removeItem")}
      </button>
    </fieldset>
  );
}

/** Adds an item to `list`; the new item's first field takes the cursor. */
function AddButton({ list, onAdd, children }: { list: string; onAdd: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="button"
      data-add={list}
      onClick={() => {
        onAdd();
        focusItem(list, "last");
      }}
    >
      {children}
    </button>
  );
}

function Options<V extends string>({ values, label }: { values: readonly V[]; label: (value: V) => string }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {label(value)}
    </option>
  ));
}

export function ReasonsSection({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t("plan.editor.reasonsIntro")}</p>
      <TextLines
        items={draft.reasons}
        onChange={(reasons) => update({ reasons })}
        label={(n) => t("plan.editor.reason", { n })}
        addLabel={t("plan.editor.addReason")}
        path="reasons"
        errors={errors}
        maxLength={PLAN_LIMITS.reasonMax}
      />
    </>
  );
}

export function TriggersSection({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<PlanDraft["triggers"][number]>) =>
    update({
      triggers: replaced(draft.triggers, i, {
        ...(draft.triggers[i] as PlanDraft["triggers"][number]),
        ...patch,
      }),
    });
  return (
    <>
      <p>{t("plan.editor.triggersIntro")}</p>
      <ListError error={errors.triggers} />
      {draft.triggers.map((trigger, i) => (
        <Item
          key={trigger.id}
          list="triggers"
          index={i}
          legend={trigger.label || t("plan.editor.triggerN", { n: i + 1 })}
          onRemove={() => update({ triggers: without(draft.triggers, i) })}
        >
          <SelectField
            label={t("plan.editor.triggerKind")}
            value={trigger.kind}
            error={errors[`triggers.${i}.kind`]}
            onChange={(e) => set(i, { kind: e.target.value as (typeof TRIGGER_KINDS)[number] })}
          >
            <Options values={TRIGGER_KINDS} label={(v) => t(`plan.kinds.${v}`)} />
          </SelectField>
          <TextField
            label={t("plan.editor.triggerLabel")}
            hint={t("plan.editor.triggerLabelHint")}
            value={trigger.label}
            maxLength={PLAN_LIMITS.triggerLabelMax}
            error={errors[`triggers.${i}.label`]}
            onChange={(e) => set(i, { label: e.target.value })}
          />
        </Item>
      ))}
      <AddButton
        list="triggers"
        onAdd={() =>
          update({
            triggers: [...draft.triggers, { id: newId(), kind: "situation", label: "", copingSteps: [] }],
          })
        }
      >
        {t("plan.editor.addTrigger")}
      </AddButton>
    </>
  );
}

export function CopingSection({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  if (draft.triggers.length === 0) return <p>{t("plan.editor.noTriggers")}</p>;
  return (
    <>
      <p>{t("plan.editor.copingIntro")}</p>
      {draft.triggers.map((trigger, i) => {
        const setSteps = (copingSteps: string[]) =>
          update({ triggers: replaced(draft.triggers, i, { ...trigger, copingSteps }) });
        const label = trigger.label || t("plan.editor.triggerN", { n: i + 1 });
        const suggestions = suggestCopingSteps(trigger, 4);
        return (
          <fieldset key={trigger.id} className="plan-item">
            <legend>{t("plan.editor.stepsFor", { trigger: label })}</legend>
            <TextLines
              items={trigger.copingSteps}
              onChange={setSteps}
              label={(n) => t("plan.editor.step", { n })}
              addLabel={t("plan.editor.ownStep")}
              path={`triggers.${i}.copingSteps`}
              errors={errors}
              maxLength={PLAN_LIMITS.copingStepMax}
            />
            {suggestions.length > 0 && trigger.copingSteps.length < PLAN_LIMITS.copingStepsMax ? (
              <div className="plan-suggestions">
                <h3>{t("plan.editor.suggestions")}</h3>
                <ul>
                  {suggestions.map((s) => (
                    <li key={s.id}>
                      <button
                        type="button"
                        className="button plan-suggestion"
                        onClick={() => {
                          setSteps([...trigger.copingSteps.filter((x) => x.trim() !== ""), s.step]);
                          // The suggestion's button is gone: the cursor goes to the step it became.
                          focusItem(`triggers.${i}.copingSteps`, "last");
                        }}
                      >
                        {t("plan.editor.take", { step: s.step })}
                      </button>
                      <p className="field__hint">{s.description}</p>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </fieldset>
        );
      })}
    </>
  );
}

export function WarningSignsSection({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t("plan.editor.warningIntro")}</p>
      <TextLines
        items={draft.warningSigns}
        onChange={(warningSigns) => update({ warningSigns })}
        label={(n) => t("plan.editor.warningSign", { n })}
        addLabel={t("plan.editor.addWarningSign")}
        path="warningSigns"
        errors={errors}
        maxLength={PLAN_LIMITS.warningSignMax}
      />
    </>
  );
}

const QUICK_ACTIONS = ["meeting", "medication", "exercise", "journaling"] as const;

export function DailyActionsSection({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  type Action = PlanDraft["dailyActions"][number];
  const set = (i: number, patch: Partial<Action>) =>
    update({
      dailyActions: replaced(draft.dailyActions, i, { ...(draft.dailyActions[i] as Action), ...patch }),
    });
  const add = (kind: Action["kind"], label: string) =>
    update({ dailyActions: [...draft.dailyActions, { id: newId(), kind, label }] });
  const missing = QUICK_ACTIONS.filter((kind) => !draft.dailyActions.some((a) => a.kind === kind));
  return (
    <>
      <p>{t("plan.editor.dailyIntro")}</p>
      <ListError error={errors.dailyActions} />
      {missing.length > 0 ? (
        <div className="plan-quick">
          <h3>{t("plan.editor.quickAdd")}</h3>
          <div className="button-row">
            {missing.map((kind) => (
              <AddButton
                key={kind}
                list="dailyActions"
                onAdd={() => add(kind, t(`plan.suggestedActions.${kind}`))}
              >
                {t(`plan.suggestedActions.${kind}`)}
              </AddButton>
            ))}
          </div>
        </div>
      ) : null}
      {draft.dailyActions.map((action, i) => (
        <Item
          key={action.id}
          list="dailyActions"
          index={i}
          legend={action.label || t("plan.editor.actionN", { n: i + 1 })}
          onRemove={() => update({ dailyActions: without(draft.dailyActions, i) })}
        >
          <SelectField
            label={t("plan.editor.actionKind")}
            value={action.kind}
            onChange={(e) => set(i, { kind: e.target.value as Action["kind"] })}
          >
            <Options values={DAILY_ACTION_KINDS} label={(v) => t(`plan.actionKinds.${v}`)} />
          </SelectField>
          <TextField
            label={t("plan.editor.actionLabel")}
            value={action.label}
            maxLength={PLAN_LIMITS.dailyActionMax}
            error={errors[`dailyActions.${i}.label`]}
            onChange={(e) => set(i, { label: e.target.value })}
          />
        </Item>
      ))}
      <AddButton list="dailyActions" onAdd={() => add("other", "")}>
        {t("plan.editor.addAction")}
      </AddButton>
    </>
  );
}

export function PeopleSection({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  type Person = PlanDraft["supportPeople"][number];
  const set = (i: number, patch: Partial<Person>) =>
    update({
      supportPeople: replaced(draft.supportPeople, i, { ...(draft.supportPeople[i] as Person), ...patch }),
    });
  return (
    <>
      <p>{t("plan.editor.peopleIntro")}</p>
      <ListError error={errors.supportPeople} />
      {draft.supportPeople.map((person, i) => (
        <Item
          key={person.id}
          list="supportPeople"
          index={i}
          legend={person.name || t("plan.editor.personN", { n: i + 1 })}
          onRemove={() => update({ supportPeople: without(draft.supportPeople, i) })}
        >
          <TextField
            label={t("plan.editor.name")}
            value={person.name}
            maxLength={PLAN_LIMITS.nameMax}
            error={errors[`supportPeople.${i}.name`]}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <SelectField
            label={t("plan.editor.relation")}
            value={person.relation}
            onChange={(e) => set(i, { relation: e.target.value as Person["relation"] })}
          >
            <Options values={SUPPORT_RELATIONS} label={(v) => t(`plan.relations.${v}`)} />
          </SelectField>
          <TextField
            label={t("plan.editor.phone")}
            hint={t("plan.editor.phoneHint")}
            optional
            type="tel"
            autoComplete="off"
            value={person.phone}
            error={errors[`supportPeople.${i}.phone`]}
            onChange={(e) => set(i, { phone: e.target.value })}
          />
        </Item>
      ))}
      <AddButton
        list="supportPeople"
        onAdd={() =>
          update({
            supportPeople: [...draft.supportPeople, { id: newId(), name: "", relation: "friend", phone: "" }],
          })
        }
      >
        {t("plan.editor.addPerson")}
      </AddButton>
    </>
  );
}

export function ProfessionalSection({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  type Place = PlanDraft["professionalHelp"][number];
  const set = (i: number, patch: Partial<Place>) =>
    update({
      professionalHelp: replaced(draft.professionalHelp, i, {
        ...(draft.professionalHelp[i] as Place),
        ...patch,
      }),
    });
  return (
    <>
      <p>{t("plan.editor.professionalIntro")}</p>
      <ListError error={errors.professionalHelp} />
      {draft.professionalHelp.map((place, i) => (
        <Item
          key={place.id}
          list="professionalHelp"
          index={i}
          legend={place.name || t("plan.editor.professionalN", { n: i + 1 })}
          onRemove={() => update({ professionalHelp: without(draft.professionalHelp, i) })}
        >
          <SelectField
            label={t("plan.editor.professionalKind")}
            value={place.kind}
            onChange={(e) => set(i, { kind: e.target.value as Place["kind"] })}
          >
            <Options values={PROFESSIONAL_KINDS} label={(v) => t(`plan.professionals.${v}`)} />
          </SelectField>
          <TextField
            label={t("plan.editor.name")}
            value={place.name}
            maxLength={PLAN_LIMITS.nameMax}
            error={errors[`professionalHelp.${i}.name`]}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <TextField
            label={t("plan.editor.phone")}
            hint={t("plan.editor.phoneHint")}
            optional
            type="tel"
            autoComplete="off"
            value={place.phone}
            error={errors[`professionalHelp.${i}.phone`]}
            onChange={(e) => set(i, { phone: e.target.value })}
          />
          <TextField
            label={t("plan.editor.address")}
            optional
            value={place.address}
            maxLength={PLAN_LIMITS.addressMax}
            error={errors[`professionalHelp.${i}.address`]}
            onChange={(e) => set(i, { address: e.target.value })}
          />
        </Item>
      ))}
      <AddButton
        list="professionalHelp"
        onAdd={() =>
          update({
            professionalHelp: [
              ...draft.professionalHelp,
              { id: newId(), kind: "clinic", name: "", phone: "", address: "" },
            ],
          })
        }
      >
        {t("plan.editor.addProfessional")}
      </AddButton>
      <TextField
        label={t("plan.editor.naloxoneLabel")}
        hint={t("plan.editor.naloxoneHint")}
        optional
        value={draft.naloxoneLocation}
        maxLength={PLAN_LIMITS.naloxoneMax}
        error={errors.naloxoneLocation}
        onChange={(e) => update({ naloxoneLocation: e.target.value })}
      />
    </>
  );
}

export const SECTION_COMPONENTS: Record<SectionName, (props: SectionProps) => ReactNode> = {
  reasons: ReasonsSection,
  triggers: TriggersSection,
  coping: CopingSection,
  warningSigns: WarningSignsSection,
  dailyActions: DailyActionsSection,
  people: PeopleSection,
  professional: ProfessionalSection,
};

/** The heading of each section in the editor. */
export const SECTION_TITLES = {
  reasons: "plan.sections.reasons",
  triggers: "plan.sections.triggers",
  coping: "plan.sections.copingSteps",
  warningSigns: "plan.sections.warningSigns",
  dailyActions: "plan.sections.dailyActions",
  people: "plan.sections.people",
  professional: "plan.sections.professionalHelp",
} as const satisfies Record<SectionName, string>;
