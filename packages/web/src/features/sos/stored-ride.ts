/**
 * The urge being ridden out, kept on this device so that a reload (a phone discards the tab while the member
 * calls someone) picks up the same timer, trigger and steps. In sessionStorage, like the journal's drafts: the
 * member's words stay in this tab, survive a reload, and go when the tab is closed, when the ride is finished
 * and at sign-out. A ride left for hours is not picked up as if it were running (core `rideResumes`): the member
 * finishes or closes it from the record of urges.
 */
import { rideResumes } from "@cairn/core";
import type { Ride } from "./SosDialog.tsx";

const PREFIX = "cairn.sos.ride.";
const MINUTE = 60_000;

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function isRide(value: unknown): value is Ride {
  const ride = value as Partial<Ride> | null;
  return (
    typeof ride === "object" &&
    ride !== null &&
    typeof ride.craving === "number" &&
    typeof ride.minutes === "number" &&
    typeof ride.startedAtMs === "number" &&
    (ride.trigger === null || typeof ride.trigger === "string") &&
    (ride.planTriggerId === null || typeof ride.planTriggerId === "string") &&
    (ride.episodeId === undefined || typeof ride.episodeId === "string")
  );
}

export function keepRide(memberId: string, ride: Ride, store: Storage | undefined = storage()): void {
  try {
    store?.setItem(PREFIX + memberId, JSON.stringify(ride));
  } catch {
    // Full or disabled storage: the ride still runs on this page, it just won't survive a reload.
  }
}

export function forgetRide(memberId: string, store: Storage | undefined = storage()): void {
  try {
    store?.removeItem(PREFIX + memberId);
  } catch {
    // Nothing to forget.
  }
}

/**
 * The member's ride kept on this device: to resume, or "left" when it was left too long to resume (the record
 * of urges offers to finish or close it). A ride whose start was never answered by the server reads as not
 * saved: the answer, if any, was lost with the page. Reads only: the dialog forgets what it doesn't resume.
 */
export function readRide(
  memberId: string,
  nowMs: number,
  store: Storage | undefined = storage(),
): Ride | "left" | undefined {
  let ride: unknown;
  try {
    ride = JSON.parse(store?.getItem(PREFIX + memberId) ?? "null");
  } catch {
    ride = undefined;
  }
  if (!isRide(ride)) return undefined;
  if (!rideResumes(ride.startedAtMs, ride.minutes * MINUTE, nowMs)) return "left";
  return ride.episodeId ? ride : { ...ride, notSaved: true };
}

/** Sign-out (or a lost session): every member's ride kept on this device goes. */
export function forgetRidesOnDevice(store: Storage | undefined = storage()): void {
  if (!store) return;
  try {
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i) ?? "");
    for (const key of keys) if (key.startsWith(PREFIX)) store.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept.
  }
}
