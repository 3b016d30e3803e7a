/**
 * The private journal, end to end in Chromium: entries are locked on the device, and the journal still opens
 * after a reload, a new sign-in, a password change and an account recovery; nobody else can read it; danger
 * language brings help at once; emoji and markup come back exactly as typed and as text (C08, C09).
 */
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { localDateAt } from "@cairn/core";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./pages/accessibility.ts";
import { AuthScreens, OnboardingScreen, uniqueUsername } from "./pages/cairn.ts";
import { JournalScreens, journalOnDevice } from "./pages/journal.ts";

// argon2id at 64 MiB runs several times per test (start, sign-ins, re-wraps): about a second each.
test.setTimeout(120_000);

const ZONE = "Europe/Berlin";

/**
 * A new member, signed up and set up, with the journal started; returns the journal's recovery codes.
 * `onStartScreen` runs on the "Start your journal" screen first.
 */
async function memberWithJournal(
  page: Page,
  username: string,
  password: string,
  onStartScreen?: () => Promise<void>,
): Promise<string[]> {
  const auth = new AuthScreens(page);
  await auth.signUp(username, password);
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: "Alcohol",
    startDate: localDateAt(Date.now(), ZONE),
    timeZone: ZONE,
  });
  const journal = new JournalScreens(page);
  await journal.open();
  await onStartScreen?.();
  return journal.start(password);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

const THOUGHT = {
  "Situation: what happened, where, with whom?": "Waiting for the bus after work (marker-situation)",
  "Automatic thought: what went through your mind?": "Nobody would notice if I had one drink",
  "A balanced thought": "I would notice, and my sister asked me to call her",
};

/**
 * Opens the journal from the menu (in the app, so the opening begun at sign-in is not cut off by a page load)
 * and reads the entry: no password is asked.
 */
async function readThoughtRecord(page: Page): Promise<void> {
  const journal = new JournalScreens(page);
  await journal.open();
  await journal.expectOpen();
  await journal.entry("After work").click();
  await expectThoughtRecord(page);
}

async function expectThoughtRecord(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { name: "After work", level: 1 })).toBeVisible({ timeout: 20_000 });
  for (const [question, answer] of Object.entries(THOUGHT)) {
    await expect(page.getByRole("heading", { name: question, level: 2 })).toBeVisible();
    await expect(page.getByText(answer, { exact: true })).toBeVisible();
  }
}

test("an entry written from a prompt opens after a reload, a new sign-in, a password change and a recovery", async ({
  page,
}) => {
  const username = uniqueUsername("journal");
  const auth = new AuthScreens(page);
  const journal = new JournalScreens(page);
  const codes = await memberWithJournal(page, username, "first path up the hill 1", async () => {
    await expect(page.getByText(/If you lose both, nobody can open your journal again/)).toBeVisible();
    await expectNoSeriousA11yViolations(page, "starting the journal");
    await page.getByLabel("Your password").fill("not my password at all 0");
    await page.getByLabel(/I understand: if I lose my password and my recovery codes/).check();
    await page.getByRole("button", { name: "Start my journal" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "That password doesn't open your journal." }),
    ).toBeVisible();
    await page.getByRole("link", { name: "How your journal is protected" }).click();
    await expect(page.getByRole("heading", { name: "What it does not protect you from" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "how your journal is protected");
    await page.getByRole("link", { name: "Back to your journal" }).click();
  });
  await expectNoSeriousA11yViolations(page, "the journal");
  // Journal is a fifth tab: all five fit on a 360 px screen, none cut off.
  const tabs = page.getByRole("navigation", { name: "Main" }).getByRole("link");
  await expect(tabs).toHaveText(["Today", "Plan", "Journal", "Team", "Settings"]);
  const overflowing = await tabs.evaluateAll((links) =>
    links.filter((link) => link.scrollWidth > link.clientWidth).map((link) => link.textContent),
  );
  expect(overflowing).toEqual([]);
  await page.getByRole("navigation", { name: "Main" });

  // A draft survives a reload (kept in this tab's sessionStorage).
  await page.getByRole("link", { name: "Gratitude", exact: true }).click();
  await page.getByLabel("One thing you're grateful for today").fill("Sunlight on the kitchen table");
  await page.reload();
  await expect(page.getByLabel("One thing you're grateful for today")).toHaveValue(
    "Sunlight on the kitchen table",
    { timeout: 20_000 },
  );
  await page.getByRole("link", { name: "Back to your journal" }).click();
  await page.getByRole("link", { name: "Thought record", exact: true }).click();
  await expectNoSeriousA11yViolations(page, "a thought record");
  await page.getByRole("link", { name: "Back to your journal" }).click();
  await journal.writeFromPrompt("Thought record", THOUGHT, "After work");
  await expectThoughtRecord(page);
  await expectNoSeriousA11yViolations(page, "an entry");

  await page.reload();
  await expectThoughtRecord(page);
  expect(await journalOnDevice(page)).toEqual({ keys: 1, extractable: 0, drafts: 1 });

  // Signing out takes the journal's key and the drafts off the device.
  await signOut(page);
  await expect.poll(() => journalOnDevice(page)).toEqual({ keys: 0, extractable: 0, drafts: 0 });
  await auth.signIn(username, "first path up the hill 1");
  await readThoughtRecord(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expectNoSeriousA11yViolations(page, "settings with the journal lock");
  await page.getByLabel("Current password").first().fill("first path up the hill 1");
  await page.getByLabel("New password").fill("second path down the hill 2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed", { exact: false })).toBeVisible({ timeout: 20_000 });
  await readThoughtRecord(page);
  // A fresh sign-in with the new password opens the journal: its key was re-wrapped, not the entries.
  await signOut(page);
  await auth.signIn(username, "second path down the hill 2");
  await readThoughtRecord(page);

  // New recovery codes made in Settings open the journal too (the old codes' wraps are replaced).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const codesSection = page.getByRole("region", { name: "Recovery codes" });
  await codesSection.getByLabel("Current password").fill("second path down the hill 2");
  await codesSection.getByRole("button", { name: "Make new recovery codes" }).click();
  const newCodes = codesSection.getByRole("list", { name: "Your new recovery codes" }).getByRole("listitem");
  await expect(newCodes).toHaveCount(10, { timeout: 20_000 });
  const code = (await newCodes.allInnerTexts())[3] as string;
  expect(codes).not.toContain(code);
  await codesSection.getByLabel("I saved my recovery codes somewhere safe").check();
  await codesSection.getByRole("button", { name: "Done" }).click();

  await signOut(page);
  await page.getByRole("link", { name: /recovery code/i }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Recovery code").fill(code);
  await page.getByLabel("New password").fill("third path along the river 3");
  await page.getByRole("button", { name: "Set new password" }).click();
  await readThoughtRecord(page);
  await signOut(page);
  await auth.signIn(username, "third path along the river 3");
  await readThoughtRecord(page);

  // The journal lock asks for the password again.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Ask for my password to open the journal").check();
  await expect(page.getByText("Journal lock saved.")).toBeVisible();
  const journal2 = new JournalScreens(page);
  await journal2.open();
  await expectNoSeriousA11yViolations(page, "opening a locked journal");
  await journal2.unlock("third path along the river 3");
  await journal2.entry("After work").click();
  await expectThoughtRecord(page);
});

test("another member sees none of the journal and gets 404 for its entry; a damaged entry is never shown", async ({
  page,
  browser,
}) => {
  await memberWithJournal(page, uniqueUsername("owner"), "owner walks the ridge 4");
  const journal = new JournalScreens(page);
  const id = await journal.write("Only mine (marker-owner)", { title: "Private" });

  const other = await browser.newPage();
  await memberWithJournal(other, uniqueUsername("other"), "other crosses the creek 5");
  await expect(other.getByText("No entries yet.", { exact: false })).toBeVisible();
  await expect(other.getByText("marker-owner")).toHaveCount(0);
  expect((await other.request.get(`/api/v1/journal/entries/${id}`)).status()).toBe(404);
  const list = await (await other.request.get("/api/v1/journal/entries")).json();
  expect(list.entries).toEqual([]);
  await other.close();

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit entry", level: 1 })).toBeVisible();
  await page.getByLabel("Entry", { exact: true }).fill("Only mine, edited (marker-owner)");
  await journal.save();
  expect(await journal.entryTexts()).toEqual(["Only mine, edited (marker-owner)"]);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText("No entries yet.", { exact: false })).toBeVisible();

  // Ciphertext that fails authentication (here: bytes the server was given) is "damaged", never shown.
  const { keys } = await (await page.request.get("/api/v1/journal/keys")).json();
  const forged = await page.request.post("/api/v1/journal/entries", {
    headers: { origin: new URL(page.url()).origin },
    data: {
      id: randomUUID(),
      keyId: keys.keyId,
      version: 1,
      nonce: "AAAAAAAAAAAAAAAA",
      ciphertext: Buffer.from("not what the member wrote, only bytes").toString("base64"),
    },
  });
  expect(forged.status()).toBe(201);
  await page.reload();
  await page.getByRole("link", { name: "This entry is damaged and can't be opened." }).click();
  await expect(page.getByText("This entry is damaged and can't be opened.")).toBeVisible();
  await expect(page.getByText("not what the member wrote")).toHaveCount(0);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText("No entries yet.", { exact: false })).toBeVisible();
});

test("after a check-in that records use, the trigger chain is offered; danger language in it brings help", async ({
  page,
}) => {
  await memberWithJournal(page, uniqueUsername("safety"), "safe harbour at night 6");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
  await page
    .getByRole("group", { name: /Alcohol: any use today\?/ })
    .getByLabel("Yes")
    .check();
  await page.getByRole("group", { name: "Mood" }).getByLabel("Low", { exact: true }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  await page.getByRole("link", { name: "Write it down: trace what led to it" }).click();
  await expect(page.getByRole("heading", { name: "Trigger chain after a lapse", level: 1 })).toBeVisible();
  await page.getByLabel("What started it?").fill("Payday and an empty flat");
  await page
    .getByLabel("What were you feeling?")
    .fill("I can't do this anymore, I want to kill myself tonight");
  await new JournalScreens(page).save();
  await expect(page.getByRole("dialog", { name: "Help now" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "help over a saved entry");
});

test("emoji come back byte for byte, markup shows as text, and a too-long entry stays in the editor (C08, C09)", async ({
  page,
}) => {
  const leaks: string[] = [];
  page.on("dialog", (dialog) => {
    leaks.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.host === "example.com" || url.pathname.endsWith("/x")) leaks.push(`request: ${request.url()}`);
  });
  await memberWithJournal(page, uniqueUsername("marks"), "markup is only text 7");
  const journal = new JournalScreens(page);

  const emoji = "Day 12 😺 no cravings today 💪🏽 👨‍👩‍👧";
  await journal.write(emoji, { title: "Emoji", tags: "c08" });
  expect(await journal.entryTexts()).toEqual([emoji]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Emoji", level: 1 })).toBeVisible({ timeout: 20_000 });
  expect(await journal.entryTexts()).toEqual([emoji]);

  const markups = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<iframe src="https://example.com"></iframe>',
  ];
  for (const [i, markup] of markups.entries()) {
    await journal.backToList();
    await journal.write(markup, { title: `Markup ${i + 1}` });
    expect(await journal.entryTexts()).toEqual([markup]);
  }
  await journal.backToList();
  for (const markup of markups) await expect(page.getByText(markup, { exact: true })).toBeVisible();
  await expect(page.locator("main script, main img[src='x'], main iframe")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "the journal list");

  // The search runs on the device, on the opened text.
  await page.getByLabel("Search your journal").fill("cravings");
  await expect(journal.entry("Emoji")).toBeVisible();
  await expect(journal.entry("Markup 1")).toHaveCount(0);
  await page.getByLabel("Search your journal").fill("");

  const json = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download as JSON" }).click();
  const exported = JSON.parse(await readFile(await (await json).path(), "utf8"));
  const bodies = exported.entries.map((entry: { body: string }) => entry.body);
  expect(bodies).toContain(emoji);
  for (const markup of markups) expect(bodies).toContain(markup);

  const markdown = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download as Markdown" }).click();
  const text = await readFile(await (await markdown).path(), "utf8");
  expect(text).toContain(emoji);
  expect(text).not.toContain("<script>");

  // Over the documented size: refused with words, and the text stays in the editor.
  const tooLong = `${emoji} ${"a".repeat(100_000)}`;
  await page.getByRole("link", { name: "Write", exact: true }).click();
  await page.getByLabel("Entry", { exact: true }).fill(tooLong);
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByText(/An entry can be at most 100,000 characters/)).toBeVisible();
  await expect(page.getByLabel("Entry", { exact: true })).toHaveValue(tooLong);

  expect(leaks).toEqual([]);
});

test("what the browser writes is stored as ciphertext only: the database files hold none of its words", async ({
  page,
}) => {
  const username = uniqueUsername("atrest");
  await memberWithJournal(page, username, "quiet lake at dawn 6");
  const marker = `Quokkamarker${randomUUID().slice(0, 8)}`;
  const journal = new JournalScreens(page);
  await journal.write(`An evening walk with ${marker} in mind`, { title: `${marker} title`, tags: marker });
  expect(await journal.entryTexts()).toEqual([`An evening walk with ${marker} in mind`]);

  // The SQLite file and its write-ahead log, as a copied disk or backup would hold them.
  const dataDir = process.env.E2E_DATA_DIR ?? "";
  const files = (await readdir(dataDir)).filter((name) => name.startsWith("cairn.sqlite"));
  const stored = Buffer.concat(await Promise.all(files.map((name) => readFile(path.join(dataDir, name)))));
  // The username is stored as typed: finding it proves these are the files the server wrote to.
  expect(stored.includes(username)).toBe(true);
  expect(stored.includes(marker)).toBe(false);
});
