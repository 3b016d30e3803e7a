/**
 * The member's recovery plan: one document, saved whole, kept as versions. Triggers carry their own coping
 * steps, so the craving SOS can show the member's steps for the trigger they name first.
 */
import { z } from "zod";
import { idSchema, phoneSchema, shortText } from "../http/fields.ts";

export const PLAN_LIMITS = {
  reasonsMax: 20,
  reasonMax: 200,
  triggersMax: 40,
  triggerLabelMax: 80,
  copingStepsMax: 12,
  copingStepMax: 200,
  warningSignsMax: 20,
  warningSignMax: 120,
  dailyActionsMax: 20,
  dailyActionMax: 80,
  supportPeopleMax: 20,
  nameMax: 80,
  professionalsMax: 20,
  addressMax: 200,
  naloxoneMax: 200,
} as const;

export const TRIGGER_KINDS = ["person", "place", "situation", "feeling", "time"] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const DAILY_ACTION_KINDS = ["meeting", "medication", "exercise", "journaling", "other"] as const;
export const SUPPORT_RELATIONS = ["sponsor", "family", "friend", "counselor", "peer", "other"] as const;
export const PROFESSIONAL_KINDS = ["clinic", "counselor", "prescriber", "pharmacy", "other"] as const;

function unique<T>(items: readonly T[]): boolean {
  return new Set(items).size === items.length;
}

/** A list with a count limit whose items each have an id (chosen by the client, stable across versions). */
function listWithIds<T extends z.ZodType<{ id: string }>>(item: T, max: number, name: string) {
  return z
    .array(item)
    .max(max, `At most ${max} ${name}`)
    .refine((items) => unique(items.map((i) => i.id)), "Each item needs its own id");
}

function textList(max: number, itemMax: number, name: string, itemName: string) {
  return z
    .array(shortText(itemMax, itemName))
    .max(max, `At most ${max} ${name}`)
    .refine(unique, `Each of the ${name} can appear once`);
}

export const planTriggerSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(TRIGGER_KINDS, { error: "Choose a person, place, situation, feeling or time" }),
  label: shortText(PLAN_LIMITS.triggerLabelMax, "A trigger"),
  copingSteps: textList(
    PLAN_LIMITS.copingStepsMax,
    PLAN_LIMITS.copingStepMax,
    "coping steps",
    "A coping step",
  ),
});
export type PlanTrigger = z.infer<typeof planTriggerSchema>;

export const dailyActionSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(DAILY_ACTION_KINDS),
  label: shortText(PLAN_LIMITS.dailyActionMax, "A daily action"),
});
export type DailyAction = z.infer<typeof dailyActionSchema>;

export const supportPersonSchema = z.strictObject({
  id: idSchema,
  name: shortText(PLAN_LIMITS.nameMax, "A name"),
  relation: z.enum(SUPPORT_RELATIONS, { error: "Choose how you know them" }),
  phone: phoneSchema.nullable(),
});
export type SupportPerson = z.infer<typeof supportPersonSchema>;

export const professionalHelpSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(PROFESSIONAL_KINDS),
  name: shortText(PLAN_LIMITS.nameMax, "A name"),
  phone: phoneSchema.nullable(),
  address: shortText(PLAN_LIMITS.addressMax, "An address").nullable(),
});
export type ProfessionalHelp = z.infer<typeof professionalHelpSchema>;

/** The body of `PUT /api/v1/plan`, and the plan as it is read back. */
export const planInputSchema = z.strictObject({
  reasons: textList(PLAN_LIMITS.reasonsMax, PLAN_LIMITS.reasonMax, "reasons", "A reason"),
  triggers: listWithIds(planTriggerSchema, PLAN_LIMITS.triggersMax, "triggers"),
  warningSigns: textList(
    PLAN_LIMITS.warningSignsMax,
    PLAN_LIMITS.warningSignMax,
    "warning signs",
    "A warning sign",
  ),
  dailyActions: listWithIds(dailyActionSchema, PLAN_LIMITS.dailyActionsMax, "daily actions"),
  supportPeople: listWithIds(supportPersonSchema, PLAN_LIMITS.supportPeopleMax, "support people"),
  professionalHelp: listWithIds(professionalHelpSchema, PLAN_LIMITS.professionalsMax, "places of help"),
  /** Where the member keeps naloxone, shown on the overdose page. */
  naloxoneLocation: shortText(PLAN_LIMITS.naloxoneMax, "Where you keep naloxone").nullable(),
});
export type PlanInput = z.infer<typeof planInputSchema>;

/** A plan with nothing in it yet: what a member who has never saved one reads. */
export const EMPTY_PLAN: PlanInput = {
  reasons: [],
  triggers: [],
  warningSigns: [],
  dailyActions: [],
  supportPeople: [],
  professionalHelp: [],
  naloxoneLocation: null,
};

/** `GET /api/v1/plan`: version 0 and no save time until the member first saves. */
export const planSchema = z.object({
  plan: planInputSchema,
  version: z.int().min(0),
  savedAt: z.string().nullable(),
});
export type Plan = z.infer<typeof planSchema>;
