/**
 * Keyboard focus is never hidden behind the bars (WCAG 2.2 SC 2.4.11, Focus Not Obscured). On a 360 × 780 phone
 * the top bar is sticky, the tabs are fixed at the bottom and Today holds its check-in actions above them; Tab
 * through every focusable element of the screens with the most fields and each one must show, not sit under
 * a bar.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signUpWithData } from "./pages/seed.ts";

/** The element Tab moved to (undefined on the page itself) and, when a bar covers it, what covers it. */
interface Focused {
  key: string;
  cover?: string;
}

/** Looks at the centre of the focused element's (first) box, clamped into the viewport: is it the element? */
function focusedAndCover(page: Page): Promise<Focused | undefined> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return undefined;
    const label = (
      focused.getAttribute("aria-label") ??
      (focused as HTMLInputElement).labels?.[0]?.textContent ??
      focused.textContent ??
      ""
    )
      .trim()
      .slice(0, 40);
    const name = `${focused.tagName.toLowerCase()} "${label}"`;
    const key = `${name} #${Array.from(document.querySelectorAll("*")).indexOf(focused)}`;
    const box = focused.getClientRects()[0] ?? focused.getBoundingClientRect();
    const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max - 1);
    const hit = document.elementFromPoint(
      clamp(box.left + box.width / 2, window.innerWidth),
      clamp(box.top + box.height / 2, window.innerHeight),
    );
    if (hit && (hit === focused || focused.contains(hit))) return { key };
    return {
      key,
      cover: `${name} is under ${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : "nothing"}`,
    };
  });
}

/**
 * Tabs from the top of the screen through every focusable element until it comes round; returns the covered.
 * A date field takes a Tab for each of its parts, so the same element twice in a row is not yet the end.
 */
async function coveredWhileTabbing(page: Page): Promise<string[]> {
  const covered: string[] = [];
  const seen = new Set<string>();
  let previous: string | undefined;
  for (let step = 0; step < 300; step += 1) {
    await page.keyboard.press("Tab");
    const focused = await focusedAndCover(page);
    if (!focused || (focused.key !== previous && seen.has(focused.key))) return covered;
    if (focused.cover && focused.key !== previous) covered.push(focused.cover);
    seen.add(focused.key);
    previous = focused.key;
  }
  throw new Error("Tab never came round to the start");
}

test("at 360 × 780 Tab never leaves the focused element under the top bar, the tabs or Today's actions", async ({
  page,
}) => {
  await signUpWithData(page, "focus");
  const screens: [string, (p: Page) => Locator][] = [
    ["/", (p) => p.getByRole("button", { name: "Taken", exact: true })],
    ["/withdrawal", (p) => p.getByRole("table", { name: /Totals by day/ })],
    ["/settings", (p) => p.getByLabel("Reason 1")],
    ["/plan/edit", (p) => p.locator('input[type="tel"]').first()],
  ];
  for (const [path, loaded] of screens) {
    await page.goto(path);
    await expect(loaded(page)).toBeVisible();
    const covered = await coveredWhileTabbing(page);
    expect.soft(covered, `${path}: focused elements under a bar`).toEqual([]);
  }
});
