import { z } from "zod";

/** A line or service a member can reach: at least one of phone, sms or url. */
export const contactSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    description: z.string().min(1),
    /** As it is shown ("1-800-662-4357"); dialled without the separators (`dialablePhone`). */
    phone: z
      .string()
      .regex(/^[0-9+*#][0-9+*# ().-]*$/)
      .optional(),
    sms: z.strictObject({ number: z.string().regex(/^[0-9+]+$/), body: z.string().optional() }).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    hours: z.string().optional(),
  })
  .refine((c) => c.phone || c.sms || c.url, { message: "A contact needs a phone, sms or url" });
export type Contact = z.infer<typeof contactSchema>;

/**
 * The crisis and overdose resources for one region and language. Operators edit these files
 * (`resources/<region>.<language>.json`); the server validates them at start.
 */
export const resourcesSchema = z.strictObject({
  region: z.string().regex(/^[a-z]{2,8}$/),
  language: z.string().regex(/^[a-z]{2}$/),
  emergencyNumber: z.string().regex(/^[0-9]+$/),
  crisis: z.array(contactSchema).min(1),
  overdose: z.strictObject({
    signs: z.array(z.string().min(1)).min(1),
    steps: z.array(z.string().min(1)).min(1),
    naloxone: z.array(z.string().min(1)).min(1),
    neverUseAlone: z.array(contactSchema),
    /** Ways to be safer for someone who is going to use: don't use alone, start low, test strips. */
    saferUse: z
      .array(z.string().min(1), {
        error: "Add saferUse: a list of short ways to use more safely (see resources/README.md)",
      })
      .min(1),
  }),
  /** Shown after a check-in that records opioid use: tolerance drops fast after a break. */
  afterOpioidUse: z.array(z.string().min(1)).min(1),
});
export type Resources = z.infer<typeof resourcesSchema>;
