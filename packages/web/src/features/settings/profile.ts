import type { MemberPatch } from "@cairn/core";
import type { Validation } from "../../lib/forms.ts";
import { checkReasons } from "../onboarding/draft.ts";

/** Only what changed, so an untouched field is never sent (nor validated) again. */
export function profilePatch(
  current: { displayName: string | null; timezone: string },
  form: { displayName: string; timezone: string },
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const name = form.displayName.trim();
  const nextName = name === "" ? null : name;
  if (nextName !== current.displayName) patch.displayName = nextName;
  if (form.timezone !== current.timezone) patch.timezone = form.timezone;
  return patch;
}

/** The reasons as typed, checked; null when they are the ones already saved. */
export function reasonsPatch(
  current: readonly string[],
  lines: readonly string[],
): Validation<MemberPatch> | null {
  const result = checkReasons(lines);
  if (!result.ok) return result;
  const same =
    result.data.length === current.length && result.data.every((reason, i) => reason === current[i]);
  return same ? null : { ok: true, data: { reasons: result.data } };
}

/** The lines a reasons form starts with: the saved reasons, or one empty line to type in. */
export function reasonLines(reasons: readonly string[]): string[] {
  return reasons.length > 0 ? [...reasons] : [""];
}
