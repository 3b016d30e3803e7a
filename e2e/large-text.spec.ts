/**
 * Large text and zoom on a phone (WCAG 1.4.4 resize text, 1.4.10 reflow). A 360 × 780 phone zoomed to 200 %
 * lays out like a 180 × 390 screen, and at 320 px wide nothing may need sideways scrolling. The bars must not
 * cover the page, every tab must stay reachable, and help stays one tap away.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { newMemberToday } from "./pages/cairn.ts";
import { LONG_TEAM_NAME, signUpWithData } from "./pages/seed.ts";

/**
 * The elements whose box or own text reaches past the right edge of the screen (what would make the page
 * scroll sideways). Inside a box that scrolls or clips (a wide table's own scroll region) only that box must fit.
 */
function pastTheEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 0.5;
    const clips = (element: Element) => getComputedStyle(element).overflowX !== "visible";
    const insideClippingBox = (element: Element) => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        if (clips(up)) return true;
      }
      return false;
    };
    // A word too long for its box spills out of it while the box itself fits: the text's own extent counts.
    const textRight = (element: Element) =>
      Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim())
        .map((node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          return range.getBoundingClientRect().right;
        });
    return Array.from(document.querySelectorAll("body *"))
      .filter((element) => !insideClippingBox(element))
      .map((element) => ({
        element,
        right: Math.max(element.getBoundingClientRect().right, ...(clips(element) ? [] : textRight(element))),
      }))
      .filter(({ right }) => right > edge)
      .map(
        ({ element, right }) =>
          `${element.tagName.toLowerCase()}.${element.className} "${element.textContent?.slice(0, 30)}" ` +
          `to ${Math.round(right)} px`,
      );
  });
}

/** A screen and what shows on it once its data has loaded. */
type Screen = [path: string, loaded: (page: Page) => Locator];

/** Every screen of a member with data, and what shows on each once its data has loaded. */
async function screensWithData(page: Page): Promise<Screen[]> {
  const { teamId: team } = await signUpWithData(page, "zoom");
  const heading = (p: Page) => p.getByRole("heading", { level: 1 });
  return [
    ["/", (p) => p.getByRole("button", { name: "Taken", exact: true })],
    ["/plan", (p) => p.getByRole("link", { name: "Call Riverside Clinic" })],
    ["/plan/edit", (p) => p.locator('input[type="tel"]').first()],
    ["/journal", heading],
    ["/teams", (p) => p.getByRole("link", { name: /Wednesdayeveningsupportcircle/ })],
    [`/teams/${team}`, (p) => p.getByRole("heading", { name: LONG_TEAM_NAME, level: 1 })],
    [`/teams/${team}/about`, (p) => p.getByRole("heading", { name: "Members" })],
    ["/settings", heading],
    ["/history", (p) => p.getByRole("listitem").filter({ hasText: "Mood" }).first()],
    ["/overdose", heading],
    ["/withdrawal", (p) => p.getByRole("table", { name: /Totals by day/ })],
    ["/medications", (p) => p.getByText("Buprenorphine").first()],
    ["/urges", heading],
  ];
}

test("at 200 % zoom the bars scroll with the page, every tab shows, and no screen scrolls sideways", async ({
  page,
}) => {
  const screens = await screensWithData(page);

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
    for (const [path, loaded] of screens) {
      await page.goto(path);
      await expect(loaded(page)).toBeVisible();
      expect.soft(await pastTheEdge(page), `${path} at ${width} px`).toEqual([]);
    }
  }

  // The withdrawal table is wider than a zoomed phone: it scrolls inside its own region, reachable by keyboard.
  await page.setViewportSize({ width: 180, height: 390 });
  await page.goto("/withdrawal");
  const tableBox = page.getByRole("region", { name: "Totals by day (of 48)" });
  await expect(tableBox.getByRole("table")).toBeVisible();
  await expect(tableBox).toHaveAttribute("tabindex", "0");
  expect(await tableBox.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);

  // The two controls of every screen open dialogs that fit too.
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
  await newMemberToday(page, {
    prefix: "tabs",
    password: "a steady trail marker 9",
    substance: "Alcohol",
    timeZone: zone,
  });
  await expect(page.locator(".topbar")).toHaveCSS("position", "sticky");
  await expect(page.locator(".bottom-nav")).toHaveCSS("position", "fixed");
  // The top bar fits 360 px: both buttons keep their words on one line at a full target size, and the brand
  // shows its whole name or only the logo, never a clipped "Cair".
  for (const name of ["Craving SOS", "Get help now"]) {
    const box = await page.getByRole("button", { name }).boundingBox();
    expect(box?.height, name).toBeGreaterThanOrEqual(44);
    expect(box?.height, `${name} on one line`).toBeLessThan(50);
  }
  const brand = page.locator(".topbar__brand");
  expect(await brand.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
  const name = await brand.evaluate((b) => {
    const box = b.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(b);
    range.setStartAfter(b.querySelector("img") as Element);
    const text = range.getBoundingClientRect();
    if (text.top >= box.bottom) return "left out";
    return text.right <= box.right && text.bottom <= box.bottom ? "whole" : "clipped";
  });
  expect(name).not.toBe("clipped");
  const tabs = await page.getByRole("navigation", { name: "Main" }).getByRole("link").all();
  const tops = await Promise.all(tabs.map(async (tab) => (await tab.boundingBox())?.y));
  expect(new Set(tops).size).toBe(1);
  await page.getByRole("link", { name: "See your check-in history" }).click();
  await expect(page.getByRole("heading", { name: "History", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");
});
