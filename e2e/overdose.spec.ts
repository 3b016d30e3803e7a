/**
 * Issue 4, crisis and overdose safety and the withdrawal tracker: a lapse on opioids offers the overdose page
 * first; the page shows where the member keeps naloxone (from their plan); help opens it from any screen; two
 * symptom checks show a total, guidance on when to get medical help, and the course as a chart and a table.
 * With no connection, Today says so; a start with no connection offers help and the overdose steps (from the
 * device's copy), and the app recovers by itself when the connection is back.
 */
import { addDays, EMPTY_PLAN, localDateAt } from "@cairn/core";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./pages/accessibility.ts";
import { AuthScreens, HelpDialog, OnboardingScreen, uniqueUsername } from "./pages/cairn.ts";
import { OverdoseScreen, WithdrawalScreen } from "./pages/overdose.ts";

const MEMBER_ZONE = "America/New_York";

/** A new member recovering from opioids since three days ago, on Today. */
async function newMemberOnOpioids(page: Page, prefix: string): Promise<void> {
  const auth = new AuthScreens(page);
  await auth.signUp(uniqueUsername(prefix), "stones on the trail 7");
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Opioids/heroin",
    startDate: addDays(localDateAt(Date.now(), MEMBER_ZONE), -3),
    timeZone: MEMBER_ZONE,
  });
}

test("after a lapse on opioids the overdose page is offered first, and help opens it from any screen", async ({
  page,
}) => {
  await newMemberOnOpioids(page, "overdose");
  await page
    .getByRole("group", { name: /Opioids\/heroin: any use today\?/ })
    .getByLabel("Yes")
    .check();
  await page.getByRole("group", { name: "Mood" }).getByLabel("Low", { exact: true }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();

  const lapse = page.getByRole("region", { name: "Thank you for being honest" });
  await expect(lapse).toBeVisible();
  // The first thing to act on in the lapse support is the overdose page.
  const firstAction = lapse.locator("a, button").first();
  await expect(firstAction).toHaveText("Overdose safety: what to do");
  await expect(lapse.getByText("Staying safer after opioid use")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "lapse support");

  await firstAction.click();
  const overdose = new OverdoseScreen(page);
  await overdose.expectShown();
  const yours = overdose.section("Your naloxone");
  await expect(yours).toContainText("You haven't noted where you keep naloxone");
  await expect(yours.getByRole("link", { name: "Add where you keep naloxone" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "overdose page");

  // The member notes in their plan where they keep naloxone; the page shows it.
  const saved = await page.request.put("/api/v1/plan", {
    headers: { origin: new URL(page.url()).origin },
    data: { ...EMPTY_PLAN, naloxoneLocation: "Front pocket of my backpack" },
  });
  expect(saved.status()).toBe(200);
  await page.reload();
  await expect(yours).toContainText("You keep your naloxone: Front pocket of my backpack");
  await expect(yours.getByRole("link", { name: "Change where you keep naloxone" })).toBeVisible();

  // From another screen: Teams, then help, then the overdose page.
  await page.getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your teams" })).toBeVisible();
  const dialog = await new HelpDialog(page).open();
  await dialog.getByRole("link", { name: "Open the overdose page" }).click();
  await expect(page.getByRole("dialog", { name: "Help now" })).toBeHidden();
  await expect(overdose.heading()).toBeFocused();
  await overdose.expectShown();
  await expect(overdose.section("Your naloxone")).toContainText("Front pocket of my backpack");
});

test("the overdose page works signed out too, without a member's own naloxone place", async ({ page }) => {
  await page.goto("/overdose");
  const overdose = new OverdoseScreen(page);
  await overdose.expectShown();
  await expect(overdose.section("Your naloxone")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "overdose page signed out");
});

test("two withdrawal symptom checks show the total, when to get help, and the course", async ({ page }) => {
  await newMemberOnOpioids(page, "withdrawal");
  await page.getByRole("link", { name: "Check withdrawal symptoms" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Withdrawal check" })).toBeVisible();
  const screen = new WithdrawalScreen(page);
  await expect(screen.guidance()).toContainText("Your first check will show here");
  await expectNoSeriousA11yViolations(page, "withdrawal tracker, empty");

  // An unrated symptom is named, and nothing is saved.
  await page.getByRole("button", { name: "Save symptom check" }).click();
  await expect(page.getByText("Please check the fields marked below.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Restlessness", exact: true })).toContainText(
    "Rate this from 0 to 4.",
  );

  await screen.record(1, { vomiting: 3 });
  await expect(page.getByText("Symptom check saved. Total 14 of 48.")).toBeVisible();
  await expect(screen.guidance()).toContainText("Please get medical help now");
  await expect(screen.guidance()).toContainText("you may not be able to keep fluids down");
  await expect(screen.guidance().getByRole("button", { name: "Get help now" })).toBeVisible();

  await screen.record(2);
  await expect(page.getByText("Symptom check saved. Total 24 of 48.")).toBeVisible();
  await expect(screen.guidance()).toContainText("Keep checking in");
  await expect(screen.guidance()).not.toContainText("fluids");

  const course = screen.course();
  await expect(course.getByRole("img", { name: /Highest total each day/ })).toBeVisible();
  const table = course.getByRole("table", { name: "Totals by day (of 48)" });
  await expect(table.getByRole("row")).toHaveCount(2);
  const today = table.getByRole("row").nth(1);
  await expect(today.getByRole("rowheader")).toContainText("Day 1");
  // Two checks that day; the highest and the latest total are both 24.
  await expect(today.getByRole("cell")).toHaveText(["2", "24", "24"]);
  await expectNoSeriousA11yViolations(page, "withdrawal tracker with checks");

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Withdrawal check" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Withdrawal check" })).toBeVisible();
});

test("offline: Today says so, a reload with no connection still opens help and the overdose steps, and back online the app recovers by itself", async ({
  page,
  context,
}) => {
  await newMemberOnOpioids(page, "offline");
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  // The service worker holds the app itself (never the API), and takes this first page without a reload.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await expect(page.getByRole("status").filter({ hasText: "You're offline" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "today, offline");
  // A change is refused at once with a reason, not held silently in memory.
  await page.getByRole("button", { name: "Good day" }).click();
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByText("You seem to be offline, so this wasn't saved")).toBeVisible();
  // A screen never opened before still loads: its code comes from the service worker.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
  await expect(page.getByRole("heading", { name: "My recovery plan", level: 1 })).toBeVisible();
  // One whose data must come from the server says it waits for the connection.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journal" }).click();
  await expect(page.getByText("This will load when you're back online")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();

  await page.reload();
  await expect(page.getByRole("heading", { name: "You're offline", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "offline start");
  await page.getByRole("button", { name: "Get help now" }).first().click();
  const help = page.getByRole("dialog", { name: "Help now" });
  await expect(help).toContainText("988");
  await page.keyboard.press("Escape");
  await page.getByRole("link", { name: "What to do in an overdose" }).click();
  const overdose = new OverdoseScreen(page);
  await expect(overdose.heading()).toBeVisible();
  await expect(overdose.section("Signs of an opioid overdose")).toContainText("breathing");

  await page.goBack();
  await expect(page.getByRole("heading", { name: "You're offline", level: 1 })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "You're offline" })).toHaveCount(0);
});
