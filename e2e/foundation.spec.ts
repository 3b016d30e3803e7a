/**
 * Issue 2's journey: sign up, onboard for opioids ten days ago in America/New_York (the browser is in another
 * zone), check in, see 10 days and the next milestone, reload, open help from the check-in screen, sign out.
 */
import { addDays, localDateAt } from "@cairn/core";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./pages/accessibility.ts";
import {
  AuthScreens,
  HelpDialog,
  longDate,
  OnboardingScreen,
  TodayScreen,
  uniqueUsername,
} from "./pages/cairn.ts";

const MEMBER_ZONE = "America/New_York";

test("a new member signs up, onboards, checks in and sees ten days and the next milestone", async ({
  page,
}) => {
  const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  expect(browserZone).not.toBe(MEMBER_ZONE);

  const auth = new AuthScreens(page);
  await page.goto("/");
  await expectNoSeriousA11yViolations(page, "sign in");
  await page.getByRole("link", { name: "Create an account" }).click();
  await expectNoSeriousA11yViolations(page, "sign up");

  const codes = await auth.signUp(uniqueUsername("river"), "stones on the trail 7");
  expect(new Set(codes).size).toBe(10);
  await expectNoSeriousA11yViolations(page, "recovery codes");
  await auth.confirmCodesSaved();

  const today = localDateAt(Date.now(), MEMBER_ZONE);
  const start = addDays(today, -10);
  await expectNoSeriousA11yViolations(page, "onboarding");
  await new OnboardingScreen(page).setUp({
    substance: "Opioids/heroin",
    startDate: start,
    timeZone: MEMBER_ZONE,
    reason: "Be there for my daughter",
  });

  const todayScreen = new TodayScreen(page);
  await todayScreen.checkInGoodDay();
  const card = todayScreen.progressCard("Opioids/heroin");
  await expect(card).toContainText("10 days");
  await expect(card).toContainText(`Next milestone: 14 days on ${longDate(addDays(start, 14))}`);
  await expectNoSeriousA11yViolations(page, "today");

  await page.reload();
  await expect(todayScreen.progressCard("Opioids/heroin")).toContainText("10 days");

  const help = new HelpDialog(page);
  const dialog = await help.open();
  await expect(dialog).toContainText("988 Suicide & Crisis Lifeline");
  await expect(dialog.getByRole("link", { name: /Call 988/ }).first()).toHaveAttribute("href", "tel:988");
  await expectNoSeriousA11yViolations(page, "help dialog");
  await help.close();

  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "history");
  // Editing a day from History lands on that day's check-in, not on the top of Today.
  await page
    .getByRole("link", { name: /^Edit check-in for / })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: /^Check-in for /, level: 2 })).toBeFocused();
  await expect(page.getByText("You already checked in for this day")).toBeVisible();

  await page.getByRole("link", { name: "Settings" }).click();
  await expectNoSeriousA11yViolations(page, "settings");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a check-in that records opioid use is met with compassion and overdose safety", async ({ page }) => {
  const auth = new AuthScreens(page);
  await auth.signUp(uniqueUsername("lapse"), "stones on the trail 7");
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Opioids/heroin",
    startDate: addDays(localDateAt(Date.now(), MEMBER_ZONE), -3),
    timeZone: MEMBER_ZONE,
  });
  await page
    .getByRole("group", { name: /Opioids\/heroin: any use today\?/ })
    .getByLabel("Yes")
    .check();
  await page.getByRole("group", { name: "Mood" }).getByLabel("Low", { exact: true }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByText("Thank you for being honest")).toBeVisible();
  await expect(page.getByText("Staying safer after opioid use")).toBeVisible();
  await expect(page.getByText(/tolerance/i).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "lapse support");
});

test("danger language in a check-in note brings the crisis resources at once", async ({ page }) => {
  const auth = new AuthScreens(page);
  await auth.signUp(uniqueUsername("note"), "stones on the trail 7");
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Alcohol",
    startDate: localDateAt(Date.now(), MEMBER_ZONE),
    timeZone: MEMBER_ZONE,
  });
  // The server holds the first save until help has been closed.
  let answer = () => {};
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  await page.route("**/api/v1/checkins/*", async (route) => {
    await answered;
    await route.continue();
  });
  const save = page.getByRole("button", { name: "Save check-in" });
  const help = new HelpDialog(page);
  await page.getByRole("button", { name: "Good day" }).click();
  await page.getByLabel("Note").fill("Honestly I want to end it all tonight");
  await save.click();
  await expect(page.getByRole("dialog", { name: "Help now" })).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Help now" })).toContainText("988");
  // Closed while still saving (Save unavailable but still focusable), help hands focus back to Save.
  await expect(save).toBeDisabled();
  await help.close();
  await expect(save).toBeFocused();
  answer();
  await expect(page.getByText(/Check-in saved for/)).toBeVisible();

  // Closed after the save, it hands focus back to the Save button the member pressed.
  await page.getByLabel("Note").fill("I still want to end it all");
  await save.click();
  await expect(page.getByRole("dialog", { name: "Help now" })).toBeVisible();
  await expect(save).toBeEnabled();
  await help.close();
  await expect(save).toBeFocused();
});
