/**
 * A member corrects a wrong start date in Settings and Today counts from the corrected day; and signs out on
 * every device at once (a lost phone).
 */
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

test("signing out on every device ends the session on another device too", async ({ page, browser }) => {
  const zone = "Europe/Berlin";
  const username = uniqueUsername("everywhere");
  const password = "stones on the trail 7";
  const auth = new AuthScreens(page);
  await auth.signUp(username, password);
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Alcohol",
    startDate: localDateAt(Date.now(), zone),
    timeZone: zone,
  });

  // The phone that was lost: signed in to the same account.
  const phone = await (await browser.newContext({ baseURL: new URL(page.url()).origin })).newPage();
  await phone.goto("/signin");
  await new AuthScreens(phone).signIn(username, password);
  await expect(phone.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "Settings" }).click();
  await expectNoSeriousA11yViolations(page, "settings, sign out");
  await page.getByRole("button", { name: "Sign out on every device" }).click();
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await phone.reload();
  await expect(phone.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await phone.context().close();
});
