import { z } from "zod";
import { idSchema, localDateSchema, shortText } from "../http/fields.ts";

export const SUBSTANCES = [
  "opioids",
  "alcohol",
  "stimulants",
  "cannabis",
  "nicotine",
  "benzodiazepines",
  "gambling",
  "other",
] as const;
export type Substance = (typeof SUBSTANCES)[number];

export const RECOVERY_LIMITS = { labelMax: 40, dailyCostMax: 100_000, recoveriesMax: 12 } as const;

const dailyCostSchema = z
  .number({ error: "Expected an amount like 20 or 12.50" })
  .min(0, "Can't be negative")
  .max(RECOVERY_LIMITS.dailyCostMax, `At most ${RECOVERY_LIMITS.dailyCostMax}`)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, "At most two decimal places");

const recoveryFields = {
  substance: z.enum(SUBSTANCES, { error: "Choose what you are recovering from" }),
  label: shortText(RECOVERY_LIMITS.labelMax, "Label").optional(),
  startDate: localDateSchema,
  dailyCost: dailyCostSchema.nullable().optional(),
};

export const recoveryInputSchema = z
  .strictObject(recoveryFields)
  .refine((r) => r.substance !== "other" || r.label !== undefined, {
    message: "Say what you are recovering from",
    path: ["label"],
  });
export type RecoveryInput = z.infer<typeof recoveryInputSchema>;

export const recoveryPatchSchema = z
  .strictObject({
    label: recoveryFields.label.nullable(),
    startDate: recoveryFields.startDate.optional(),
    dailyCost: recoveryFields.dailyCost,
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: "Nothing to change" });
export type RecoveryPatch = z.infer<typeof recoveryPatchSchema>;

/** `/recoveries/:id`: a malformed id is refused before any lookup. */
export const recoveryParamsSchema = z.strictObject({ id: idSchema });

export const recoverySchema = z.object({
  id: z.string(),
  substance: z.enum(SUBSTANCES),
  label: z.string().nullable(),
  startDate: z.string(),
  dailyCost: z.number().nullable(),
  createdAt: z.string(),
});
export type Recovery = z.infer<typeof recoverySchema>;

/** A recovery start is today or earlier in the member's calendar. */
export function startDateProblem(startDate: string, today: string): string | undefined {
  return startDate > today ? "The start date can't be in the future" : undefined;
}
