/** The member's own words in a plan, for the danger-language detector. */
import { detectDanger } from "../safety/danger.ts";
import type { PlanSupport } from "./api.ts";
import type { PlanInput } from "./schema.ts";

/** Every piece of free text in the plan, in the order the plan is read. */
export function planTexts(plan: PlanInput): string[] {
  return [
    ...plan.reasons,
    ...plan.triggers.flatMap((t) => [t.label, ...t.copingSteps]),
    ...plan.warningSigns,
    ...plan.dailyActions.map((a) => a.label),
    ...plan.supportPeople.map((p) => p.name),
    ...plan.professionalHelp.flatMap((p) => [p.name, p.address ?? ""]),
    plan.naloxoneLocation ?? "",
  ].filter((text) => text !== "");
}

/**
 * Danger language in the text a save adds: words already in the previous version were seen when they were
 * written, so re-saving a plan that names a warning sign like "thoughts of suicide" does not raise the crisis
 * card again on every later edit; a newly written (or changed) line does.
 */
export function planDanger(previous: PlanInput, next: PlanInput): PlanSupport {
  const seen = new Set(planTexts(previous));
  const kinds = planTexts(next)
    .filter((text) => !seen.has(text))
    .flatMap((text) => detectDanger(text).map((finding) => finding.kind));
  return { danger: [...new Set(kinds)] };
}
