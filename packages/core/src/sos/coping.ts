/**
 * Which coping steps the SOS shows, in order: the member's own steps for the trigger they named first (from
 * their plan), then their steps for other triggers, then general ones — each step once.
 */
import type { PlanTrigger } from "../plan/schema.ts";

export interface SosTriggerChoice {
  planTriggerId?: string | null | undefined;
  trigger?: string | null | undefined;
}

export interface CopingSteps {
  /** The plan trigger the SOS is about, when the member named one (by choice or by the same words). */
  trigger: PlanTrigger | undefined;
  /** The member's own steps for that trigger. */
  forTrigger: string[];
  /** Everything else, the member's other steps before the general ones. */
  others: string[];
}

const key = (text: string) => text.trim().toLocaleLowerCase();

export function planTriggerFor(
  triggers: readonly PlanTrigger[],
  choice: SosTriggerChoice,
): PlanTrigger | undefined {
  if (choice.planTriggerId) {
    const byId = triggers.find((t) => t.id === choice.planTriggerId);
    if (byId) return byId;
  }
  // Chosen from the check-in list or typed: the plan trigger with the same words counts too.
  const words = choice.trigger ? key(choice.trigger) : "";
  return words ? triggers.find((t) => key(t.label) === words) : undefined;
}

export function copingStepsFor(
  triggers: readonly PlanTrigger[],
  choice: SosTriggerChoice,
  general: readonly string[],
): CopingSteps {
  const trigger = planTriggerFor(triggers, choice);
  const seen = new Set<string>();
  const fresh = (step: string) => {
    const k = key(step);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  };
  const forTrigger = (trigger?.copingSteps ?? []).filter(fresh);
  const others = [...triggers.filter((t) => t !== trigger).flatMap((t) => t.copingSteps), ...general].filter(
    fresh,
  );
  return { trigger, forTrigger, others };
}
