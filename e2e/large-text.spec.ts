/**
 * Large text and zoom on a phone (WCAG 1.4.4 resize text, 1.4.10 reflow). A 360 × 780 phone zoomed to 200 %
 * lays out like a 180 × 390 screen, and at 320 px wide nothing may need sideways scrolling. The bars must not
 * cover the page, every tab must stay reachable, and help stays one tap away.
 */
import { localDateAt } from "@cairn/core";
import { expect, type Page, test } from "@playwright/test";
import { AuthScreens, OnboardingScreen, uniqueUsername } from "./pages/cairn.ts";

const SCREENS = ["/", "/plan", "/journal", "/teams", "/settings", "/history", "/overdose"];

/** The elements that reach past the right edge of the screen (what would make the page scroll sideways). */
function pastTheEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll("body *"))
      .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.slice(0, 30)}"`,
      );
  });
}

test("at 200 % zoom the bars scroll with the page, every tab shows, and no screen scrolls sideways", async ({
  page,
}) => {
  const zone = "America/New_York";
  const auth = new AuthScreens(page);
  await auth.signUp(uniqueUsername("zoom"), "a taller trail marker 8");
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Alcohol",
    startDate: localDateAt(Date.now(), zone),
    timeZone: zone,
  });

  await page.setViewportSize({ width: 180, height: 390 });
  await expect(page.locator(".topbar")).toHaveCSS("position", "static");
  await expect(page.locator(".bottom-nav")).toHaveCSS("position", "static");
  const tabs = page.getByRole("navigation", { name: "Main" }).getByRole("link");
  await expect(tabs).toHaveText(["Today", "Plan", "Journal", "Team", "Settings"]);
  for (const tab of await tabs.all()) {
    const box = await tab.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 180).toBe(true);
  }
  await expect(page.getByRole("button", { name: "Get help now" })).toBeInViewport();
  await expect(page.getByRole("button", { name: "Craving SOS" })).toBeInViewport();

  for (const [width, height] of [
    [180, 390],
    [320, 640],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const screen of SCREENS) {
      await page.goto(screen);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await pastTheEdge(page), `${screen} at ${width} px`).toEqual([]);
    }
  }

  // The two controls of every screen open dialogs that fit too.
  await page.setViewportSize({ width: 180, height: 390 });
  await page.goto("/");
  await page.getByRole("button", { name: "Get help now" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await pastTheEdge(page), "help at 180 px").toEqual([]);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Craving SOS" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await pastTheEdge(page), "craving SOS at 180 px").toEqual([]);
});

test("on a phone at normal size the bars stay on screen and five tabs fit one row", async ({ page }) => {
  const zone = "America/New_York";
  const auth = new AuthScreens(page);
  await auth.signUp(uniqueUsername("tabs"), "a steady trail marker 9");
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Alcohol",
    startDate: localDateAt(Date.now(), zone),
    timeZone: zone,
  });
  await expect(page.locator(".topbar")).toHaveCSS("position", "sticky");
  await expect(page.locator(".bottom-nav")).toHaveCSS("position", "fixed");
  const tabs = await page.getByRole("navigation", { name: "Main" }).getByRole("link").all();
  const tops = await Promise.all(tabs.map(async (tab) => (await tab.boundingBox())?.y));
  expect(new Set(tops).size).toBe(1);
  await page.getByRole("link", { name: "See your check-in history" }).click();
  await expect(page.getByRole("heading", { name: "History", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");
});
