/**
 * The editor's state: the plan with every optional text as a string ("" for none), and helpers to change it.
 * Blank lines in the text lists are dropped before checking, so "Add" then leaving a line empty is harmless.
 */
import type { PlanInput, PlanSave, PlanTrigger } from "@cairn/core";

type Editable<T> = { [K in keyof T]: null extends T[K] ? string : T[K] };

export interface PlanDraft {
  reasons: string[];
  triggers: PlanTrigger[];
  warningSigns: string[];
  dailyActions: PlanInput["dailyActions"];
  supportPeople: Editable<PlanInput["supportPeople"][number]>[];
  professionalHelp: Editable<PlanInput["professionalHelp"][number]>[];
  naloxoneLocation: string;
}

/** A random version-4 UUID; works outside secure contexts too (crypto.randomUUID does not). */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function toDraft(plan: PlanInput): PlanDraft {
  return {
    ...plan,
    supportPeople: plan.supportPeople.map((p) => ({ ...p, phone: p.phone ?? "" })),
    professionalHelp: plan.professionalHelp.map((p) => ({
      ...p,
      phone: p.phone ?? "",
      address: p.address ?? "",
    })),
    naloxoneLocation: plan.naloxoneLocation ?? "",
  };
}

const filled = (items: readonly string[]) => items.filter((item) => item.trim() !== "");
const orNull = (text: string) => (text.trim() === "" ? null : text);

/** The draft without blank lines in its text lists (what is shown again after a refused save). */
export function withoutBlankLines(draft: PlanDraft): PlanDraft {
  return {
    ...draft,
    reasons: filled(draft.reasons),
    warningSigns: filled(draft.warningSigns),
    triggers: draft.triggers.map((t) => ({ ...t, copingSteps: filled(t.copingSteps) })),
  };
}

/** What is sent: optional texts left empty become null. */
export function toPlanSave(draft: PlanDraft, baseVersion: number): PlanSave {
  return {
    reasons: draft.reasons,
    triggers: draft.triggers,
    warningSigns: draft.warningSigns,
    dailyActions: draft.dailyActions,
    supportPeople: draft.supportPeople.map((p) => ({ ...p, phone: orNull(p.phone) })),
    professionalHelp: draft.professionalHelp.map((p) => ({
      ...p,
      phone: orNull(p.phone),
      address: orNull(p.address),
    })),
    naloxoneLocation: orNull(draft.naloxoneLocation),
    baseVersion,
  };
}

/** A copy of the list with item `index` changed. */
export function replaced<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((current, i) => (i === index ? item : current));
}

export function without<T>(list: readonly T[], index: number): T[] {
  return list.filter((_item, i) => i !== index);
}
