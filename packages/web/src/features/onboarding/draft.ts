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
import { type FieldErrors, localizeFields, type Validation, validate } from "../../lib/forms.ts";
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

export const EMPTY_RECOVERY: Omit<RecoveryDraft, "startDate"> = { dailyCost: "", label: "" };

export function recoveryInputFrom(
  substance: Substance | undefined,
  draft: RecoveryDraft,
): Record<string, unknown> {
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
 * One recovery as typed, by core's rules: the input schema (a label for "Other", an amount for the cost),
 * then no start after `latestStart` (the member's today). Errors are keyed by field.
 */
export function checkRecovery(
  substance: Substance | undefined,
  draft: RecoveryDraft,
  latestStart: string | undefined,
): Validation<RecoveryInput> {
  const result = validate(recoveryInputSchema, recoveryInputFrom(substance, draft));
  if (!result.ok || latestStart === undefined) return result;
  const future = startDateProblem(result.data.startDate, latestStart);
  return future ? { ok: false, fields: localizeFields({ startDate: future }) } : result;
}

/**
 * Reason lines as typed to the reasons sent: blank lines are dropped, and a problem with a reason is keyed
 * `reasons.<index of the line it was typed in>` (`reasons` for the list as a whole).
 */
export function checkReasons(lines: readonly string[]): Validation<string[]> {
  const kept = lines.map((text, index) => ({ text: text.trim(), index })).filter((line) => line.text);
  const result = validate(memberPatchSchema, { reasons: kept.map((line) => line.text) });
  if (result.ok) return { ok: true, data: result.data.reasons ?? [] };
  const fields: FieldErrors = {};
  for (const [key, message] of Object.entries(result.fields)) {
    const reason = /^reasons\.(\d+)$/.exec(key);
    const line = reason ? kept[Number(reason[1])] : undefined;
    fields[line ? `reasons.${line.index}` : key] ??= message;
  }
  return { ok: false, fields };
}

/**
 * Validates everything at once. Errors are keyed `<substance>.<field>` for recoveries, `timezone`,
 * `reasons.<index of the input line>` and `substances` (nothing chosen).
 */
export function planOnboarding(
  draft: OnboardingDraft,
  today: string,
  chooseOneMessage: string,
): Validation<OnboardingPlan> {
  const fields: FieldErrors = {};
  if (draft.selected.length === 0) fields.substances = chooseOneMessage;

  const recoveries: OnboardingPlan["recoveries"] = [];
  for (const substance of draft.selected) {
    const result = checkRecovery(
      substance,
      draft.recoveries[substance] ?? { startDate: today, ...EMPTY_RECOVERY },
      today,
    );
    if (result.ok) recoveries.push({ substance, input: result.data });
    else
      for (const [key, message] of Object.entries(result.fields)) fields[`${substance}.${key}`] ??= message;
  }

  const reasons = checkReasons(draft.reasons);
  if (!reasons.ok) Object.assign(fields, reasons.fields);
  const patchResult = validate(memberPatchSchema, {
    timezone: draft.timezone,
    ...(reasons.ok && reasons.data.length > 0 ? { reasons: reasons.data } : {}),
  });
  if (!patchResult.ok)
    for (const [key, message] of Object.entries(patchResult.fields)) fields[key] ??= message;

  if (Object.keys(fields).length > 0 || !patchResult.ok) return { ok: false, fields };
  return { ok: true, data: { patch: patchResult.data, recoveries } };
}

/**
 * The member chose another time zone: a start date still on the old zone's "today" (the default, untouched)
 * moves to the new zone's today, so a recovery begun today starts on the member's own date. Dates they chose
 * stay as they are.
 */
export function followZone(
  recoveries: OnboardingDraft["recoveries"],
  oldToday: string,
  newToday: string,
): OnboardingDraft["recoveries"] {
  return Object.fromEntries(
    Object.entries(recoveries).map(([substance, recovery]) => [
      substance,
      recovery && recovery.startDate === oldToday ? { ...recovery, startDate: newToday } : recovery,
    ]),
  );
}
