/**
 * Onboarding answers as typed, and their conversion to the API's inputs. Kept free of React so the rules
 * (blank reasons dropped, cost optional, a label only for "Other", no future start) are unit-tested.
 */
import {
  type MemberPatch,
  memberPatchSchema,
  type RecoveryInput,
  recoveryInputSchema,
  type Substance,
  startDateProblem,
} from "@cairn/core";
import { type FieldErrors, localizeFields, validate } from "../../lib/forms.ts";
import { parseAmount } from "../../lib/money.ts";

export interface RecoveryDraft {
  startDate: string;
  dailyCost: string;
  label: string;
}

export interface OnboardingDraft {
  selected: Substance[];
  recoveries: Partial<Record<Substance, RecoveryDraft>>;
  timezone: string;
  reasons: string[];
}

export interface OnboardingPlan {
  patch: MemberPatch;
  recoveries: { substance: Substance; input: RecoveryInput }[];
}

export function recoveryInputFrom(substance: Substance, draft: RecoveryDraft): Record<string, unknown> {
  const label = draft.label.trim();
  const cost = parseAmount(draft.dailyCost);
  return {
    substance,
    ...(label ? { label } : {}),
    startDate: draft.startDate,
    ...(cost === undefined ? {} : { dailyCost: cost }),
  };
}

/**
 * Validates everything at once. Errors are keyed `<substance>.<field>` for recoveries, `timezone`,
 * `reasons.<index of the input line>` and `substances` (nothing chosen).
 */
export function planOnboarding(
  draft: OnboardingDraft,
  today: string,
  chooseOneMessage: string,
): { ok: true; plan: OnboardingPlan } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  if (draft.selected.length === 0) fields.substances = chooseOneMessage;

  const recoveries: OnboardingPlan["recoveries"] = [];
  for (const substance of draft.selected) {
    const recoveryDraft = draft.recoveries[substance] ?? { startDate: today, dailyCost: "", label: "" };
    const result = validate(recoveryInputSchema, recoveryInputFrom(substance, recoveryDraft));
    if (!result.ok) {
      for (const [key, message] of Object.entries(result.fields)) fields[`${substance}.${key}`] ??= message;
      continue;
    }
    const future = startDateProblem(result.data.startDate, today);
    if (future) {
      fields[`${substance}.startDate`] = localizeFields({ startDate: future }).startDate ?? future;
      continue;
    }
    recoveries.push({ substance, input: result.data });
  }

  const lines = draft.reasons.map((text, index) => ({ text: text.trim(), index })).filter((r) => r.text);
  const patchResult = validate(memberPatchSchema, {
    timezone: draft.timezone,
    ...(lines.length > 0 ? { reasons: lines.map((r) => r.text) } : {}),
  });
  if (!patchResult.ok) {
    for (const [key, message] of Object.entries(patchResult.fields)) {
      const reason = /^reasons\.(\d+)$/.exec(key);
      const line = reason ? lines[Number(reason[1])] : undefined;
      fields[line ? `reasons.${line.index}` : key] ??= message;
    }
  }

  if (Object.keys(fields).length > 0 || !patchResult.ok) return { ok: false, fields };
  return { ok: true, plan: { patch: patchResult.data, recoveries } };
}
