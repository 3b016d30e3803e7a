/**
 * Issue 4's craving SOS: from the check-in (Today) screen, by keyboard, the member starts an SOS, sees their
 * own coping steps for the trigger first (from a plan saved through the API), calls or texts a support person,
 * lets the timer run out (Playwright's clock moves time; nothing waits 15 minutes), re-rates the urge and sees
 * the episode in the record of urges that passed. axe-core on each screen. Also: danger language in the SOS's
 * own words opens help at once, and the breathing circle stays still when the device asks for less motion.
 * A ride survives a reload of the page (a phone discarding the tab while the member calls someone); one left
 * for days is not resumed as running, and the record of urges closes it. One started in another tab is offered
 * to pick up there. An urge ended elsewhere never comes
 * back as a ride, and crisis help is reachable from inside the SOS.
 */
import { randomUUID } from "node:crypto";
import { localDateAt, type PlanInput } from "@cairn/core";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./pages/accessibility.ts";
import { AuthScreens, OnboardingScreen, uniqueUsername } from "./pages/cairn.ts";
import { SosScreens } from "./pages/sos.ts";

const ZONE = "America/New_York";
const PASSWORD = "stones on the trail 7";

async function savePlan(page: Page): Promise<void> {
  const saved = await page.request.put("/api/v1/plan", {
    data: plan(),
    headers: { origin: new URL(page.url()).origin },
  });
  expect(saved.status()).toBe(200);
}

async function signUpToToday(page: Page): Promise<void> {
  const auth = new AuthScreens(page);
  await auth.signUp(uniqueUsername("sos"), PASSWORD);
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Opioids",
    startDate: localDateAt(Date.now(), ZONE),
    timeZone: ZONE,
  });
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
}

function plan(): PlanInput {
  return {
    reasons: [],
    triggers: [
      {
        id: randomUUID(),
        kind: "feeling",
        label: "Lonely nights",
        copingSteps: ["Call Sam", "Put on a podcast"],
      },
      {
        id: randomUUID(),
        kind: "time",
        label: "Payday",
        copingSteps: ["Give my card to my sister", "Go to the evening meeting"],
      },
    ],
    warningSigns: [],
    dailyActions: [],
    supportPeople: [{ id: randomUUID(), name: "Sam", relation: "sponsor", phone: "+1 (555) 010-2030" }],
    professionalHelp: [],
    naloxoneLocation: null,
  };
}

test("an SOS from Today: own steps first, timer runs out, re-rated, kept in the record", async ({ page }) => {
  await page.clock.install();
  await signUpToToday(page);
  await savePlan(page);

  const sos = new SosScreens(page);
  await expect(sos.button).toHaveAttribute("aria-haspopup", "dialog");
  // By keyboard: the dialog opens with the rating focused; Escape closes it and focus goes back to the control.
  await sos.openWithKeyboard();
  await expect(sos.craving()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(sos.dialog).toBeHidden();
  await expect(sos.button).toBeFocused();
  await sos.openWithKeyboard();
  await expect(sos.dialog.getByRole("radio", { name: "Payday" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "SOS: rate the urge");

  await sos.start({ craving: 8, trigger: "Payday" });
  await expect(sos.dialog.getByRole("timer")).toHaveText(/^1[45]:\d\d$/);
  await expect(sos.dialog.getByRole("status").filter({ hasText: "The timer is running" })).toBeVisible();
  // The member's own steps for Payday come first, before anything else.
  await expect(sos.dialog.getByRole("heading", { name: "Your steps for “Payday”" })).toBeVisible();
  const items = sos.dialog.getByRole("listitem");
  await expect(items.nth(0)).toHaveText("Give my card to my sister");
  await expect(items.nth(1)).toHaveText("Go to the evening meeting");
  await expect(sos.dialog.getByRole("link", { name: "Call Sam" })).toHaveAttribute(
    "href",
    "tel:+15550102030",
  );
  await expect(sos.dialog.getByRole("link", { name: "Text Sam" })).toHaveAttribute(
    "href",
    /^sms:\+15550102030\?&body=/,
  );
  await expectNoSeriousA11yViolations(page, "SOS: riding it out");
  // Crisis help is one tap away inside the SOS (the top bar's button is behind the modal); Escape comes back.
  const help = page.getByRole("dialog", { name: "Help now" });
  const helpInSos = sos.dialog.getByRole("button", { name: "Get help now" });
  await helpInSos.click();
  await expect(help).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(sos.dialog).toBeVisible();
  await expect(helpInSos).toBeFocused();
  await expect(sos.dialog.getByRole("timer")).toBeVisible();

  // Fifteen minutes pass (a locked phone would wake to the same): the timer is up and asks for a re-rating.
  await page.clock.fastForward("15:01");
  await expect(sos.dialog.getByRole("timer")).toHaveText("0:00");
  await expect(sos.dialog.getByText("Time's up. You rode it out.")).toBeVisible();
  // No team: "Telling my team" is not offered as something that helped.
  await expect(sos.dialog.getByRole("checkbox", { name: "Breathing" })).toBeVisible();
  await expect(sos.dialog.getByRole("checkbox", { name: "Telling my team" })).toHaveCount(0);
  await sos.finish({ craving: 3, helped: ["Give my card to my sister", "Breathing"] });
  await expect(sos.dialog.getByText("The urge went from 8 to 3.")).toBeVisible();
  await expect(sos.dialog.getByText("1 urge ridden out; average craving fell from 8 to 3")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "SOS: done");

  // A finished ride is done: closed and opened again, the SOS asks for a new rating.
  await page.keyboard.press("Escape");
  await sos.openWithKeyboard();
  await expect(sos.craving()).toBeFocused();
  await expect(sos.dialog.getByRole("heading", { name: "You rode it out" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await page.goto("/urges");
  await expect(page.getByRole("heading", { name: "Urges that passed", level: 1 })).toBeVisible();
  const episode = page.getByRole("listitem").filter({ hasText: "Payday" });
  await expect(episode).toContainText("8 → 3 of 10");
  await expect(episode).toContainText("Set off by: Payday");
  await expect(episode).toContainText("Helped: Give my card to my sister and Breathing");
  await expectNoSeriousA11yViolations(page, "urges that passed");
});

test("danger language in what set the urge off opens help at once", async ({ page }) => {
  await signUpToToday(page);
  const sos = new SosScreens(page);
  await sos.button.click();
  await sos.start({ craving: 10, ownWords: "I want to kill myself" });
  await expect(page.getByRole("dialog", { name: "Help now" })).toBeVisible();
});

test("the breathing circle moves only when the device allows motion; its words work either way", async ({
  page,
}) => {
  await signUpToToday(page);
  const sos = new SosScreens(page);
  await sos.button.click();
  await sos.start({ craving: 6 });
  const circle = sos.dialog.locator(".sos-breathing__circle");
  const animation = () => circle.evaluate((el) => getComputedStyle(el).animationName);
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await expect.poll(animation).toMatch(/^sos-breathe-(in|out)$/);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await expect.poll(animation).toBe("none");
  await expect(sos.dialog.getByText(/^Breathe (in|out) · \d$/)).toBeVisible();

  // No plan yet: the way to add support people is a link to the plan builder, and it leaves the dialog.
  await sos.dialog.getByRole("link", { name: "Add support people to your plan" }).click();
  await expect(sos.dialog).toBeHidden();
  await expect(page).toHaveURL(/\/plan\/build$/);
});

test("a ride started by keyboard focuses its timer, picks up again after a reload, and is finished", async ({
  page,
}) => {
  await page.clock.install();
  await signUpToToday(page);
  await savePlan(page);
  const sos = new SosScreens(page);
  await sos.openWithKeyboard();
  await expect(sos.dialog.getByRole("radio", { name: "Payday" })).toBeVisible();
  await sos.start({ craving: 7, trigger: "Payday", keyboard: true });
  // The form is gone: the focus goes to the timer's heading, not to the page's body.
  await expect(sos.timerHeading()).toBeFocused();
  await page.clock.fastForward("05:00");
  await expect(sos.dialog.getByRole("timer")).toHaveText(/^(10|9):\d\d$/);

  await page.reload();
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await sos.openWithKeyboard();
  // The same ride: the timer counts on from its start, with the steps for its trigger.
  await expect(sos.dialog.getByRole("timer")).toHaveText(/^(10|9):\d\d$/);
  await expect(sos.dialog.getByRole("heading", { name: "Your steps for “Payday”" })).toBeVisible();
  await sos.dialog.getByRole("button", { name: "I'm ready to re-rate it" }).click();
  await sos.finish({ craving: 2, helped: ["Breathing"] });
  await expect(sos.dialog.getByText("The urge went from 7 to 2.")).toBeVisible();

  // Even a modified click (which the router leaves alone) closes the dialog before going to the record.
  await sos.dialog.getByRole("link", { name: "See your urges that passed" }).click({ modifiers: ["Shift"] });
  await expect(sos.dialog).toBeHidden();
  const episode = page.getByRole("listitem").filter({ hasText: "Payday" });
  await expect(episode).toContainText("7 → 2 of 10");
  await expect(page.getByText("Not finished")).toHaveCount(0);
  // Finished, it is no longer kept on the device: the SOS opens on a new rating.
  await page.reload();
  await sos.openWithKeyboard();
  await expect(sos.craving()).toBeFocused();
});

test("an urge started in another tab is offered to pick up there, its timer (with the time added) counting from its start", async ({
  page,
  context,
}) => {
  await signUpToToday(page);
  await savePlan(page);
  const sos = new SosScreens(page);
  await sos.button.click();
  await sos.start({ craving: 8, trigger: "Lonely nights" });
  // More time is kept on the server, so the other tab counts to the same end.
  const kept = page.waitForResponse((r) => r.url().endsWith("/minutes") && r.status() === 200);
  await sos.dialog.getByRole("button", { name: "Add 5 minutes" }).click();
  await kept;

  // A second tab keeps none of the first one's ride: the server's open episode is offered.
  const other = await context.newPage();
  await other.goto("/");
  const otherSos = new SosScreens(other);
  await otherSos.openWithKeyboard();
  await expect(otherSos.dialog.getByText("You started riding out an urge earlier")).toBeVisible();
  await expectNoSeriousA11yViolations(other, "sos: an unfinished urge offered");
  await otherSos.dialog.getByRole("button", { name: "Pick it up where you left off" }).click();
  await expect(otherSos.timerHeading()).toBeFocused();
  await expect(otherSos.dialog.getByRole("timer")).toHaveText(/^(19|20):\d\d$/);
  await expect(
    otherSos.dialog.getByRole("heading", { name: "Your steps for “Lonely nights”" }),
  ).toBeVisible();
  await otherSos.dialog.getByRole("button", { name: "I'm ready to re-rate it" }).click();
  await otherSos.finish({ craving: 3, helped: [] });
  // The first tab still shows the ride: more time there is refused as already ended, and it says so.
  await sos.dialog.getByRole("button", { name: "Add 5 minutes" }).click();
  await expect(sos.dialog.getByText("That SOS had already ended")).toBeVisible();
  await expect(sos.dialog.getByRole("timer")).toHaveCount(0);

  // Finished there, it is offered nowhere: a third tab opens on a new rating.
  const third = await context.newPage();
  await third.goto("/");
  const thirdSos = new SosScreens(third);
  await thirdSos.openWithKeyboard();
  await expect(thirdSos.craving()).toBeFocused();
  await expect(thirdSos.dialog.getByRole("button", { name: "Pick it up where you left off" })).toHaveCount(0);
});

test("a ride left for days is not resumed as running; the record of urges closes it", async ({ page }) => {
  await page.clock.install();
  await signUpToToday(page);
  const sos = new SosScreens(page);
  await sos.button.click();
  await sos.start({ craving: 9 });
  await page.clock.fastForward(3 * 24 * 60 * 60_000);
  await page.reload();
  await sos.openWithKeyboard();
  await expect(sos.craving()).toBeFocused();
  await expect(sos.dialog.getByText("An SOS you started a while ago wasn't finished.")).toBeVisible();
  await sos.dialog.getByRole("link", { name: "Finish or close it in your urges that passed" }).click();
  await expect(sos.dialog).toBeHidden();

  const episode = page.getByRole("listitem").filter({ hasText: "9 of 10 at the start" });
  await expect(episode).toContainText("Not finished");
  await expectNoSeriousA11yViolations(page, "urges: one not finished");
  await episode.getByRole("button", { name: "Close it without a rating" }).click();
  await expect(episode).toContainText("Closed without a re-rating");
  await expect(episode.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(episode.getByRole("button")).toHaveCount(0);
});

test("an urge ended on the record, or on another device, is not picked up again: the SOS starts afresh", async ({
  page,
}) => {
  await signUpToToday(page);
  const sos = new SosScreens(page);
  await sos.button.click();
  await sos.start({ craving: 6 });
  const open = async () => {
    const list = await page.request.get("/api/v1/sos");
    const body = (await list.json()) as { episodes: { id: string; endedAt: string | null }[] };
    return body.episodes.find((e) => e.endedAt === null)?.id;
  };
  await expect.poll(open).toBeDefined();
  await page.keyboard.press("Escape");
  // To the record within the app (no reload): the dialog's own copy of the ride must go too.
  await page.evaluate(() => {
    history.pushState(null, "", "/urges");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  const episode = page.getByRole("listitem").filter({ hasText: "6 of 10 at the start" });
  await episode.getByRole("button", { name: "Close it without a rating" }).click();
  await expect(episode).toContainText("Closed without a re-rating");
  await sos.openWithKeyboard();
  await expect(sos.craving()).toBeFocused();
  await page.keyboard.press("Escape");
  await page.reload();
  await sos.openWithKeyboard();
  await expect(sos.craving()).toBeFocused();

  // Ended on another device while this one rides on: the re-rating is refused, and a new rating is offered.
  await sos.start({ craving: 5 });
  await expect.poll(open).toBeDefined();
  const closed = await page.request.patch(`/api/v1/sos/${await open()}`, {
    data: { craving: null, helped: [] },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(closed.status()).toBe(200);
  await sos.dialog.getByRole("button", { name: "I'm ready to re-rate it" }).click();
  await sos.dialog.getByRole("slider", { name: "How strong is the urge now?" }).fill("3");
  await sos.dialog.getByRole("button", { name: "Save" }).click();
  await expect(sos.dialog.getByText("That SOS had already ended")).toBeVisible();
  await expect(sos.craving()).toBeFocused();
  await page.reload();
  await sos.openWithKeyboard();
  await expect(sos.craving()).toBeFocused();
  await expect(sos.dialog.getByRole("timer")).toHaveCount(0);
});
