/** A member corrects a wrong start date in Settings and Today counts from the corrected day. */
import { addDays, localDateAt } from "@cairn/core";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./pages/accessibility.ts";
import { AuthScreens, OnboardingScreen, TodayScreen, uniqueUsername } from "./pages/cairn.ts";

test("correcting a recovery's start date in Settings changes the count on Today", async ({ page }) => {
  const zone = "Europe/Berlin";
  const today = localDateAt(Date.now(), zone);
  const auth = new AuthScreens(page);
  await auth.signUp(uniqueUsername("fix"), "stones on the trail 7");
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({ substance: "Alcohol", startDate: today, timeZone: zone });
  await expect(new TodayScreen(page).progressCard("Alcohol")).toContainText("0 days");

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Edit Alcohol" }).click();
  const form = page.getByRole("group", { name: "Alcohol" });
  await form.getByLabel("Start date").fill(addDays(today, 1));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("The start date can't be in the future")).toBeVisible();
  await form.getByLabel("Start date").fill(addDays(today, -30));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes to Alcohol saved.")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "settings after an edit");

  await page.getByRole("link", { name: "Today" }).click();
  await expect(new TodayScreen(page).progressCard("Alcohol")).toContainText("30 days");
});
