/**
 * The wire shapes of the plan endpoints around the plan itself (schema.ts): saving with the version it was
 * edited from, what a save tells the member, the list of versions, and the daily actions ticked off on a day.
 */
import { z } from "zod";
import { idSchema, localDateSchema } from "../http/fields.ts";
import { PLAN_LIMITS, planInputSchema, planSchema } from "./schema.ts";

/** Versions kept per member: the newest ones; older ones are dropped when a save goes past this. */
export const PLAN_VERSIONS_KEPT = 100;

/**
 * The body of `PUT /api/v1/plan`: the plan, and optionally the version it was edited from. With
 * `baseVersion`, a save made from an older version than the stored one is refused (409) instead of silently
 * overwriting what another device saved meanwhile; without it the save always wins.
 */
export const planSaveSchema = planInputSchema.extend({
  baseVersion: z.int({ error: "Expected a version number" }).min(0).optional(),
});
export type PlanSave = z.infer<typeof planSaveSchema>;

/** What the member is told after saving: danger language in the text this save added (resources open). */
export const planSupportSchema = z.object({ danger: z.array(z.enum(["overdose", "suicide", "self-harm"])) });
export type PlanSupport = z.infer<typeof planSupportSchema>;

export const planSavedSchema = planSchema.extend({ support: planSupportSchema });
export type PlanSaved = z.infer<typeof planSavedSchema>;

export const planVersionSummarySchema = z.object({ version: z.int().min(1), savedAt: z.string() });
export type PlanVersionSummary = z.infer<typeof planVersionSummarySchema>;

/** `GET /api/v1/plan/versions`: newest first. */
export const planVersionsSchema = z.object({ versions: z.array(planVersionSummarySchema) });

export const planVersionParamsSchema = z.strictObject({
  version: z.coerce.number({ error: "Expected a version number" }).int("Expected a version number").min(1),
});

export const planActionsParamsSchema = z.strictObject({ date: localDateSchema });

/** `PUT /api/v1/plan/actions/:date`: the ids of the plan's daily actions done that day (the whole set). */
export const planActionsInputSchema = z.strictObject({
  done: z
    .array(idSchema)
    .max(PLAN_LIMITS.dailyActionsMax, `At most ${PLAN_LIMITS.dailyActionsMax} daily actions`)
    .refine((ids) => new Set(ids).size === ids.length, "Each daily action can appear once"),
});
export type PlanActionsInput = z.infer<typeof planActionsInputSchema>;

export const planActionsSchema = z.object({ date: z.string(), done: z.array(z.string()) });
export type PlanActions = z.infer<typeof planActionsSchema>;

/** Daily actions are ticked on the member's today or an earlier day, never on a day not yet begun. */
export function actionsDateProblem(date: string, today: string): string | undefined {
  return date > today ? "You can't tick off a day that hasn't started yet" : undefined;
}
