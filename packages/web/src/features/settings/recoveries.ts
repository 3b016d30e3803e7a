/**
 * Correcting a recovery in Settings: the form starts from what is saved, and only what changed is sent, so an
 * untouched start date is never checked (nor refused) again.
 */
import { type Recovery, type RecoveryPatch, recoveryPatchSchema } from "@cairn/core";
import { type Validation, validate } from "../../lib/forms.ts";
import { checkRecovery, type RecoveryDraft } from "../onboarding/draft.ts";

export function recoveryDraftOf(recovery: Recovery): RecoveryDraft {
  return {
    startDate: recovery.startDate,
    dailyCost: recovery.dailyCost === null ? "" : String(recovery.dailyCost),
    label: recovery.label ?? "",
  };
}

/**
 * The changes typed into a recovery's form, by the same rules as a new one (a changed start date is today or
 * earlier; "Other" keeps its label; a cleared cost is removed). The label is only the member's to edit for
 * "Other", as in onboarding. Null when nothing changed.
 */
export function recoveryPatch(
  recovery: Recovery,
  draft: RecoveryDraft,
  today: string,
): Validation<RecoveryPatch> | null {
  const changedStart = draft.startDate !== recovery.startDate;
  const checked = checkRecovery(recovery.substance, draft, changedStart ? today : undefined);
  if (!checked.ok) return checked;
  const input = checked.data;
  const patch: Record<string, unknown> = {};
  if (recovery.substance === "other" && input.label !== (recovery.label ?? undefined))
    patch.label = input.label;
  if (changedStart) patch.startDate = input.startDate;
  const cost = input.dailyCost ?? null;
  if (cost !== recovery.dailyCost) patch.dailyCost = cost;
  return Object.keys(patch).length === 0 ? null : validate(recoveryPatchSchema, patch);
}

/** What can be added: every substance not followed yet, and "Other" (a member may have several). */
export function substancesToAdd<S extends string>(
  all: readonly S[],
  followed: readonly { substance: string }[],
): S[] {
  return all.filter((substance) => substance === "other" || !followed.some((r) => r.substance === substance));
}
