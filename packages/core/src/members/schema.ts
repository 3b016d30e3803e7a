import { z } from "zod";
import { shortText, timeZoneSchema } from "../http/fields.ts";

export const MEMBER_LIMITS = { displayNameMax: 40, reasonMax: 300, reasonsMax: 10 } as const;

export const reasonsSchema = z
  .array(shortText(MEMBER_LIMITS.reasonMax, "A reason"))
  .max(MEMBER_LIMITS.reasonsMax, `At most ${MEMBER_LIMITS.reasonsMax} reasons`);

export const memberPatchSchema = z
  .strictObject({
    timezone: timeZoneSchema.optional(),
    displayName: shortText(MEMBER_LIMITS.displayNameMax, "Display name").nullable().optional(),
    reasons: reasonsSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: "Nothing to change" });
export type MemberPatch = z.infer<typeof memberPatchSchema>;

/** What the API shows of a member to themself. */
export const memberSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  timezone: z.string(),
  region: z.string(),
  reasons: z.array(z.string()),
  createdAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

/** The answer of `GET/PATCH /api/v1/me` and of signing in. */
export const memberResultSchema = z.object({ member: memberSchema });
export type MemberResult = z.infer<typeof memberResultSchema>;
