/**
 * Issue 4, the recovery plan: a new member builds a plan from onboarding with the guided builder (taking
 * suggested coping steps), adds a support person, sees call and text links, ticks a daily action on Today,
 * prints the plan to PDF with every section in order, and looks back at an earlier version.
 */
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./pages/accessibility.ts";
import { AuthScreens, HelpDialog, OnboardingScreen, uniqueUsername } from "./pages/cairn.ts";
import { PlanScreens } from "./pages/plan.ts";

test("a member builds a plan from onboarding, calls from it, ticks today's action and prints it", async ({
  page,
}) => {
  const auth = new AuthScreens(page);
  await auth.signUp(uniqueUsername("plan"), "stones on the trail 7");
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Opioids/heroin",
    startDate: "2026-11-20",
    timeZone: "America/New_York",
    reason: "Be there for my daughter",
  });
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();

  const plan = new PlanScreens(page);
  await plan.open();
  await expectNoSeriousA11yViolations(page, "empty plan");
  await page.getByRole("link", { name: "Build my plan" }).click();

  // 1. Reasons, from onboarding; Enter in the field moves on (keyboard).
  await plan.expectStep(1, "Why I'm in recovery");
  await expect(page.getByRole("textbox", { name: "Reason 1", exact: true })).toHaveValue(
    "Be there for my daughter",
  );
  await expectNoSeriousA11yViolations(page, "plan builder");
  await page.getByRole("textbox", { name: "Reason 1", exact: true }).press("Enter");

  // 2. A trigger.
  await plan.expectStep(2, "My triggers");
  await expect(page.getByRole("heading", { name: "My triggers" })).toBeFocused();
  await page.getByRole("button", { name: "Add a trigger" }).click();
  // A new item takes the cursor into its first field, like a new line does.
  await expect(page.getByLabel("Kind")).toBeFocused();
  await page.getByLabel("Kind").selectOption({ label: "Feeling" });
  await page.getByLabel("Trigger", { exact: true }).fill("Tired after work");
  await plan.next();

  // 3. Coping steps suggested for it: eat or rest comes first for "tired".
  await plan.expectStep(3, "What I'll do: coping steps");
  const suggestions = page.getByRole("button", { name: /^Add: / });
  await expect(suggestions.first()).toHaveText("Add: Eat something or rest if I'm hungry or tired");
  await suggestions.first().click();
  // The suggestion's button is gone: the cursor is on the step it became, not on the page's body.
  await expect(page.getByRole("textbox", { name: "Step 1", exact: true })).toBeFocused();
  await page.getByRole("button", { name: "Add: Ride out the urge for 15 minutes" }).click();
  await expect(page.getByRole("textbox", { name: "Step 1", exact: true })).toHaveValue(
    "Eat something or rest if I'm hungry or tired",
  );
  await expect(page.getByRole("textbox", { name: "Step 2", exact: true })).toHaveValue(
    "Ride out the urge for 15 minutes",
  );
  await expectNoSeriousA11yViolations(page, "plan builder, coping steps");
  await plan.next();

  // 4. A warning sign.
  await plan.expectStep(4, "Warning signs that come before a lapse");
  await page.getByRole("button", { name: "Add a warning sign" }).click();
  await expect(page.getByRole("textbox", { name: "Warning sign 1", exact: true })).toBeFocused();
  await page.keyboard.type("Skipping meetings");
  await plan.next();

  // 5. A daily action.
  await plan.expectStep(5, "What I do each day");
  await page.getByRole("button", { name: "Go to a meeting" }).click();
  await plan.next();

  // 6. A support person.
  await plan.expectStep(6, "People I can call");
  await page.getByRole("button", { name: "Add a person" }).click();
  await expect(page.getByLabel("Name")).toBeFocused();
  await page.getByLabel("Name").fill("Sam");
  await page.getByLabel("How you know them").selectOption({ label: "Sponsor" });
  await page.getByLabel(/^Phone/).fill("+1 (555) 010-2030");
  await plan.next();

  // 7. Professional help and naloxone, then save.
  await plan.expectStep(7, "Professional help");
  await page.getByRole("button", { name: "Add a place of help" }).click();
  await page.getByLabel("Name").fill("Eastside Clinic");
  await page.getByLabel(/^Phone/).fill("555-010-9000");
  await page.getByLabel(/^Address/).fill("1 Main St");
  await page.getByLabel(/^Where I keep naloxone/).fill("Kitchen drawer");
  await expectNoSeriousA11yViolations(page, "plan builder, professional help");
  await page.getByRole("button", { name: "Save my plan" }).click();

  // The plan, with one-tap call and text.
  await expect(page.getByRole("heading", { name: "My recovery plan", level: 1 })).toBeVisible();
  await expect(plan.section("Why I'm in recovery")).toContainText("Be there for my daughter");
  await expect(plan.section("My triggers")).toContainText("Tired after work");
  const people = plan.section("People I can call");
  await expect(people).toContainText("Sam, Sponsor");
  await expect(people.getByRole("link", { name: "Call Sam" })).toHaveAttribute("href", "tel:+15550102030");
  await expect(people.getByRole("link", { name: "Text Sam" })).toHaveAttribute("href", "sms:+15550102030");
  await expect(
    plan.section("Professional help").getByRole("link", { name: "Call Eastside Clinic" }),
  ).toHaveAttribute("href", "tel:5550109000");
  await expectNoSeriousA11yViolations(page, "plan");

  // Printed: only the plan, every section, in the plan's order; no app bars or buttons.
  const printed = await plan.printedText();
  const order = [
    "Why I'm in recovery",
    "Be there for my daughter",
    "My triggers",
    "Tired after work",
    "Warning signs that come before a lapse",
    "Skipping meetings",
    "What I'll do: coping steps",
    "Eat something or rest if I'm hungry or tired",
    "Ride out the urge for 15 minutes",
    "People I can call",
    "Sam, Sponsor",
    "+1 (555) 010-2030",
    "Professional help",
    "Eastside Clinic, Clinic",
    "1 Main St",
    "What I do each day",
    "Go to a meeting",
    "I keep naloxone: Kitchen drawer",
  ];
  const positions = order.map((text) => printed.indexOf(text));
  expect(
    positions.filter((p) => p < 0).map((_p, i) => order[i]),
    printed,
  ).toEqual([]);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  for (const chrome of ["Get help now", "Edit my plan", "Print or save as PDF", "Call Sam", "Settings"]) {
    expect(printed).not.toContain(chrome);
  }

  // Today: tick the daily action by keyboard; it stays ticked after a reload.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
  const card = page.getByRole("region", { name: "Today's plan" });
  const meeting = card.getByRole("checkbox", { name: "Go to a meeting" });
  await expect(meeting).toBeEnabled();
  await meeting.focus();
  await page.keyboard.press("Space");
  await expect(meeting).toBeChecked();
  await expect(meeting).toBeEnabled();
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Today's plan" }).getByRole("checkbox", { name: "Go to a meeting" }),
  ).toBeChecked();
});

test("an edit becomes a new version; the older one can be read; danger words open help", async ({ page }) => {
  const auth = new AuthScreens(page);
  await auth.signUp(uniqueUsername("planv"), "stones on the trail 7");
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Alcohol",
    startDate: "2026-11-20",
    timeZone: "America/New_York",
    reason: "My health",
  });
  const plan = new PlanScreens(page);
  await plan.open();
  await page.getByRole("link", { name: "Build my plan" }).click();
  for (let step = 1; step < 7; step++) await plan.next();
  await page.getByRole("button", { name: "Save my plan" }).click();
  await expect(plan.section("Why I'm in recovery")).toContainText("My health");

  await page.getByRole("link", { name: "Edit my plan" }).click();
  await expect(page.getByRole("heading", { name: "Edit my plan", level: 1 })).toBeVisible();
  // A support person with a phone, so axe sees the phone field too (its size as a target included).
  await page.getByRole("button", { name: "Add a person" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Sam");
  await page.getByLabel(/^Phone/).fill("+1 (555) 010-2030");
  await expectNoSeriousA11yViolations(page, "plan editor");
  await page.getByRole("button", { name: "Add a reason" }).click();
  await page.getByRole("textbox", { name: "Reason 2", exact: true }).fill("My family");
  await page.getByRole("button", { name: "Add a warning sign" }).click();
  await page
    .getByRole("textbox", { name: "Warning sign 1", exact: true })
    .fill("Thinking I might overdose if I use again");
  await page.getByRole("button", { name: "Save my plan" }).click();
  // Help opens at once for the danger words; the plan is saved all the same.
  const help = new HelpDialog(page);
  await expect(page.getByRole("dialog", { name: "Help now" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "My recovery plan", level: 1 })).toBeVisible();
  await help.close();
  // The editor's Save button is gone: focus goes to the top of the plan it led to, not to the page itself.
  await expect(page.getByRole("heading", { name: "My recovery plan", level: 1 })).toBeFocused();
  await expect(plan.section("Why I'm in recovery")).toContainText("My family");

  await page.getByRole("link", { name: "Earlier versions" }).click();
  const versions = page.getByRole("listitem").filter({ hasText: /^Version \d/ });
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText("Version 2");
  await expect(versions.first()).toContainText("(current)");
  await expectNoSeriousA11yViolations(page, "plan versions");
  await page.getByRole("link", { name: /^Version 1,/ }).click();
  await expect(page.getByText("This is an earlier version. Your current plan is unchanged.")).toBeVisible();
  await expect(plan.section("Why I'm in recovery")).toContainText("My health");
  await expect(plan.section("Why I'm in recovery")).not.toContainText("My family");
  await expectNoSeriousA11yViolations(page, "an earlier version of the plan");
});
