/**
 * The last crisis and overdose resources the server sent, kept in localStorage so "Get help now" works with
 * no connection, and on the next cold start before the network answers. These are the operator's public
 * resources, not personal data, so they survive sign-out.
 */
import type { Resources } from "@cairn/core";

export const RESOURCES_KEY = "cairn.resources.v1";

export interface CachedResources {
  savedAt: number;
  resources: Resources;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/** A shallow shape check: enough that rendering cannot throw on a stale or tampered copy. */
export function looksLikeResources(value: unknown): value is Resources {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Partial<Resources>;
  return (
    typeof r.emergencyNumber === "string" &&
    Array.isArray(r.crisis) &&
    r.crisis.every((c) => typeof c?.name === "string" && typeof c?.id === "string") &&
    typeof r.overdose === "object" &&
    r.overdose !== null &&
    isStringArray(r.overdose.signs) &&
    isStringArray(r.overdose.steps) &&
    isStringArray(r.overdose.naloxone) &&
    Array.isArray(r.overdose.neverUseAlone) &&
    isStringArray(r.afterOpioidUse)
  );
}

/** A copy saved before the safer-use list existed still shows, with that list empty until the next fetch. */
function upgraded(r: Resources): Resources {
  return isStringArray(r.overdose.saferUse) ? r : { ...r, overdose: { ...r.overdose, saferUse: [] } };
}

export function readCachedResources(store: Storage | undefined = storage()): CachedResources | undefined {
  try {
    const text = store?.getItem(RESOURCES_KEY);
    if (!text) return undefined;
    const parsed = JSON.parse(text) as Partial<CachedResources>;
    if (typeof parsed.savedAt !== "number" || !looksLikeResources(parsed.resources)) return undefined;
    return { savedAt: parsed.savedAt, resources: upgraded(parsed.resources) };
  } catch {
    return undefined;
  }
}

export function writeCachedResources(
  resources: Resources,
  store: Storage | undefined = storage(),
  now: number = Date.now(),
): void {
  try {
    store?.setItem(RESOURCES_KEY, JSON.stringify({ savedAt: now, resources } satisfies CachedResources));
  } catch {
    // Storage full or disabled: help still shows from memory this session.
  }
}
