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
