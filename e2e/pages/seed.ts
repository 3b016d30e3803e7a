/**
 * A member's data put in through the API (as the app itself would send it), so a layout test sees screens
 * with real content rather than their empty states. Each call is one request with the page's session cookie.
 */
import { randomUUID } from "node:crypto";
import { addDays, EMPTY_PLAN, localDateAt, WITHDRAWAL_SYMPTOMS } from "@cairn/core";
import { expect, type Page } from "@playwright/test";
import { AuthScreens, OnboardingScreen, uniqueUsername } from "./cairn.ts";

const ZONE = "America/New_York";
/** A tag and a word longer than a zoomed phone is wide: the names members give are not always kind to layout. */
export const LONG_TEAM_NAME = "Tuesday Night <b>Group</b> Wednesdayeveningsupportcircle";

/** Sends a JSON request as the signed-in member; the server wants a same-origin `origin` on writes. */
async function send(page: Page, method: "PUT" | "POST", url: string, data: unknown): Promise<unknown> {
  const response = await page.request.fetch(url, {
    method,
    data,
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return response.json();
}

/** A plan with a trigger, a support person with a phone and a place of help: every editor section has rows. */
async function savePlan(page: Page): Promise<void> {
  await send(page, "PUT", "/api/v1/plan", {
    ...EMPTY_PLAN,
    reasons: ["My daughter's graduation"],
    triggers: [{ id: randomUUID(), kind: "feeling", label: "Lonely nights", copingSteps: ["Call Sam"] }],
    supportPeople: [{ id: randomUUID(), name: "Sam", relation: "sponsor", phone: "+1 (555) 010-2030" }],
    professionalHelp: [
      { id: randomUUID(), kind: "clinic", name: "Riverside Clinic", phone: "555 010 4040", address: null },
    ],
  });
}

/** A daily dose at midnight, so it is due (not yet logged) on Today whenever the test runs. */
async function addMedicationDueToday(page: Page, today: string): Promise<void> {
  await send(page, "POST", "/api/v1/medications", {
    kind: "buprenorphine",
    dose: { amount: 8, unit: "mg" },
    schedule: { kind: "daily", times: ["00:00"], startDate: today },
  });
}

/** Two withdrawal symptom checks today, every symptom rated `rating`. */
async function recordWithdrawalChecks(page: Page): Promise<void> {
  for (const rating of [2, 1]) {
    const ratings = Object.fromEntries(WITHDRAWAL_SYMPTOMS.map((symptom) => [symptom, rating]));
    await send(page, "POST", "/api/v1/withdrawal", { ratings });
  }
}

/** Check-ins with triggers and a note on the `days` days before `today`. */
async function checkInOnDaysBefore(page: Page, today: string, days: number): Promise<void> {
  for (let back = 1; back <= days; back += 1) {
    await send(page, "PUT", `/api/v1/checkins/${addDays(today, -back)}`, {
      uses: [],
      mood: 3,
      craving: 4,
      confidence: 7,
      triggers: ["stress", "Long shifts at the warehouse"],
      halt: ["tired"],
      sleepHours: 6.5,
      note: "Walked to the river after work.",
    });
  }
}

/** Creates a team; returns its id. */
async function createTeam(page: Page, name: string): Promise<string> {
  const created = (await send(page, "POST", "/api/v1/teams", { name })) as { team: { id: string } };
  return created.team.id;
}

/**
 * A new member on opioids for a week with something on every screen: a plan with a support person, a dose due
 * today, two withdrawal checks, check-ins on the days before, and a team with a long name. Ends on Today with
 * everything loaded; returns the team's id.
 */
export async function signUpWithData(page: Page, prefix: string): Promise<{ teamId: string }> {
  const today = localDateAt(Date.now(), ZONE);
  const auth = new AuthScreens(page);
  await auth.signUp(uniqueUsername(prefix), "a taller trail marker 8");
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Opioids/heroin",
    startDate: addDays(today, -7),
    timeZone: ZONE,
    reason: "My daughter's graduation",
  });
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await savePlan(page);
  await addMedicationDueToday(page, today);
  await recordWithdrawalChecks(page);
  await checkInOnDaysBefore(page, today, 3);
  const teamId = await createTeam(page, LONG_TEAM_NAME);
  await page.reload();
  await expect(page.getByRole("button", { name: "Taken", exact: true })).toBeVisible();
  return { teamId };
}
