/**
 * An invite link opened while signed out: the code waits in this tab's sessionStorage through sign-in or
 * sign-up, then the join form opens with it filled in. Nothing else is kept, and only until it is used.
 */
const KEY = "cairn.pendingInvite";

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function savePendingInvite(code: string, store: Storage | undefined = storage()): void {
  try {
    store?.setItem(KEY, code);
  } catch {
    // Storage disabled: the member types the code instead.
  }
}

export function peekPendingInvite(store: Storage | undefined = storage()): string | undefined {
  try {
    return store?.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function clearPendingInvite(store: Storage | undefined = storage()): void {
  try {
    store?.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}

/** A code as typed or pasted: a whole invite link gives its code. */
export function inviteCodeFrom(input: string): string {
  const trimmed = input.trim();
  const match = /\/join\/([^/?#\s]+)/.exec(trimmed);
  if (!match) return trimmed;
  try {
    return decodeURIComponent(match[1] as string);
  } catch {
    return match[1] as string;
  }
}
