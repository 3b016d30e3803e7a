/** The journal's screens, in the words they show (page model for e2e/journal.spec.ts). */
import { expect, type Page } from "@playwright/test";

export class JournalScreens {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Journal" }).click();
  }

  /** Starts the journal with the password; returns the new recovery codes it shows (and confirms saving them). */
  async start(password: string): Promise<string[]> {
    await expect(this.page.getByRole("heading", { name: "Start your journal", level: 1 })).toBeVisible();
    await this.page.getByLabel("Your password").fill(password);
    await this.page.getByLabel(/I understand: if I lose my password and my recovery codes/).check();
    await this.page.getByRole("button", { name: "Start my journal" }).click();
    const codes = this.page.getByRole("list", { name: "Your new recovery codes" }).getByRole("listitem");
    await expect(codes).toHaveCount(10, { timeout: 20_000 });
    const texts = await codes.allInnerTexts();
    await this.page.getByLabel("I saved my recovery codes somewhere safe").check();
    await this.page.getByRole("button", { name: "Open my journal" }).click();
    await this.expectOpen();
    return texts;
  }

  async expectOpen(): Promise<void> {
    await expect(this.page.getByRole("heading", { name: "Journal", level: 1 })).toBeVisible({
      timeout: 20_000,
    });
  }

  async unlock(password: string): Promise<void> {
    await expect(this.page.getByRole("heading", { name: "Open your journal", level: 1 })).toBeVisible();
    await this.page.getByLabel("Your password").fill(password);
    await this.page.getByRole("button", { name: "Open journal" }).click();
    await this.expectOpen();
  }

  /** Writes an entry from a prompt (by its title), answering questions by their labels; returns its id. */
  async writeFromPrompt(prompt: string, answers: Record<string, string>, title?: string): Promise<string> {
    await this.page.getByRole("link", { name: prompt, exact: true }).click();
    await expect(this.page.getByRole("heading", { name: prompt, level: 1 })).toBeVisible();
    if (title) await this.page.getByLabel("Title").fill(title);
    for (const [question, answer] of Object.entries(answers)) {
      await this.page.getByLabel(question, { exact: true }).fill(answer);
    }
    return this.save();
  }

  /** Writes a free entry; returns its id. */
  async write(body: string, options: { title?: string; tags?: string } = {}): Promise<string> {
    await this.page.getByRole("link", { name: "Write", exact: true }).click();
    await expect(this.page.getByRole("heading", { name: "New entry", level: 1 })).toBeVisible();
    if (options.title) await this.page.getByLabel("Title").fill(options.title);
    if (options.tags) await this.page.getByLabel("Tags").fill(options.tags);
    await this.page.getByLabel("Entry", { exact: true }).fill(body);
    return this.save();
  }

  async save(): Promise<string> {
    await this.page.getByRole("button", { name: "Save entry" }).click();
    await expect(this.page).toHaveURL(/\/journal\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    return this.page.url().split("/").pop() as string;
  }

  async backToList(): Promise<void> {
    await this.page.getByRole("link", { name: "Back to your journal" }).click();
    await this.expectOpen();
  }

  /** The entries listed, by title as shown. */
  entry(title: string) {
    return this.page
      .getByRole("list", { name: "Your entries" })
      .getByRole("link", { name: new RegExp(title) });
  }

  /** The text of an opened entry's body or answers, exactly as shown. */
  entryTexts() {
    return this.page.locator(".journal-entry__text").allTextContents();
  }
}

/** What the journal keeps in this browser: its keys in IndexedDB (and whether any could be read out), drafts. */
export async function journalOnDevice(
  page: Page,
): Promise<{ keys: number; extractable: number; drafts: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("cairn-journal", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("keys");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stored = await new Promise<{ key: CryptoKey }[]>((resolve, reject) => {
      const all = db.transaction("keys").objectStore("keys").getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    db.close();
    const drafts = Object.keys(sessionStorage).filter((key) => key.startsWith("cairn.journal.draft.")).length;
    return { keys: stored.length, extractable: stored.filter((s) => s.key.extractable).length, drafts };
  });
}
