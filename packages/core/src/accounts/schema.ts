import { z } from "zod";
import { memberSchema } from "../members/schema.ts";

export const ACCOUNT_LIMITS = {
  usernameMin: 3,
  usernameMax: 32,
  passwordMin: 8,
  passwordMax: 256,
  recoveryCodeCount: 10,
} as const;

/** An alias: letters, digits, dot, dash and underscore. Compared without case. */
export const usernameSchema = z
  .string({ error: "Choose a username" })
  .trim()
  .min(ACCOUNT_LIMITS.usernameMin, `At least ${ACCOUNT_LIMITS.usernameMin} characters`)
  .max(ACCOUNT_LIMITS.usernameMax, `At most ${ACCOUNT_LIMITS.usernameMax} characters`)
  .regex(/^[A-Za-z0-9._-]+$/, "Use letters, numbers, dots, dashes or underscores");

export const newPasswordSchema = z
  .string({ error: "Choose a password" })
  .min(ACCOUNT_LIMITS.passwordMin, `At least ${ACCOUNT_LIMITS.passwordMin} characters`)
  .max(ACCOUNT_LIMITS.passwordMax, `At most ${ACCOUNT_LIMITS.passwordMax} characters`);

/** Login takes any text up to the limit: rules for new passwords must not lock out an existing one. */
const existingPasswordSchema = z
  .string({ error: "Enter your password" })
  .min(1, "Enter your password")
  .max(ACCOUNT_LIMITS.passwordMax * 4);

export const signupSchema = z.strictObject({ username: usernameSchema, password: newPasswordSchema });
export type SignupInput = z.infer<typeof signupSchema>;

export const loginSchema = z.strictObject({
  username: z.string({ error: "Enter your username" }).trim().min(1, "Enter your username").max(64),
  password: existingPasswordSchema,
});
export type LoginInput = z.infer<typeof loginSchema>;

export const recoveryCodeSchema = z
  .string({ error: "Enter one of your recovery codes" })
  .trim()
  .min(1, "Enter one of your recovery codes")
  .max(64);

export const recoverSchema = z.strictObject({
  username: loginSchema.shape.username,
  recoveryCode: recoveryCodeSchema,
  newPassword: newPasswordSchema,
});
export type RecoverInput = z.infer<typeof recoverSchema>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: existingPasswordSchema,
  newPassword: newPasswordSchema,
});
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

/** Sign-up's answer: the new member and their recovery codes, shown this once and never again. */
export const signupResultSchema = z.object({ member: memberSchema, recoveryCodes: z.array(z.string()) });
export type SignupResult = z.infer<typeof signupResultSchema>;

/** Recovery's answer: signed in again, and how many unused recovery codes are left. */
export const recoverResultSchema = z.object({
  member: memberSchema,
  remainingRecoveryCodes: z.number().int().min(0),
});
export type RecoverResult = z.infer<typeof recoverResultSchema>;

/** Making new recovery codes needs the current password; every earlier code stops working. */
export const recoveryCodesRenewSchema = z.strictObject({ currentPassword: existingPasswordSchema });
export type RecoveryCodesRenewInput = z.infer<typeof recoveryCodesRenewSchema>;

/** The new recovery codes, shown this once and never again. */
export const recoveryCodesResultSchema = z.object({
  recoveryCodes: z.array(z.string()).length(ACCOUNT_LIMITS.recoveryCodeCount),
});
export type RecoveryCodesResult = z.infer<typeof recoveryCodesResultSchema>;

/** How many of the member's recovery codes are still unused. */
export const recoveryCodesLeftSchema = z.object({ remaining: z.number().int().min(0) });
export type RecoveryCodesLeft = z.infer<typeof recoveryCodesLeftSchema>;
