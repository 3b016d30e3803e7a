/**
 * Case C05: a start date stored as 2024-10-01 reads as 1 October 2024 whatever the device's zone. This file
 * runs in the Los Angeles and Kiritimati browser projects (tag @zones) as well as the default one.
 */
import { expect, test } from "@playwright/test";
import { AuthScreens, OnboardingScreen, TodayScreen, uniqueUsername } from "./pages/cairn.ts";

test("C05 a start date shows as the same calendar day in any browser zone @zones", async ({ page }) => {
  const auth = new AuthScreens(page);
  await auth.signUp(uniqueUsername("zone"), "stones on the trail 7");
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Alcohol",
    startDate: "2024-10-01",
    timeZone: "Europe/London",
  });
  const card = new TodayScreen(page).progressCard("Alcohol");
  await expect(card).toContainText("October 1, 2024");
  await expect(card).not.toContainText("September 30, 2024");
});
