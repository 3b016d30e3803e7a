/** Page models: what a person does on each screen, in the words the screen shows. */
import { expect, type Page } from "@playwright/test";

export class AuthScreens {
  constructor(private readonly page: Page) {}

  async signUp(username: string, password: string): Promise<string[]> {
    await this.page.goto("/");
    await this.page.getByRole("link", { name: "Create an account" }).click();
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Sign up" }).click();
    const codes = this.page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
    await expect(codes).toHaveCount(10);
    return codes.allInnerTexts();
  }

  async confirmCodesSaved(): Promise<void> {
    await this.page.getByLabel("I saved my recovery codes somewhere safe").check();
    await this.page.getByRole("button", { name: "Continue" }).click();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}

export class OnboardingScreen {
  constructor(private readonly page: Page) {}

  async setUp(options: {
    substance: string;
    startDate: string;
    timeZone: string;
    reason?: string;
  }): Promise<void> {
    await expect(this.page.getByRole("heading", { name: "Welcome to Cairn" })).toBeVisible();
    await this.page.getByRole("checkbox", { name: options.substance }).check();
    await this.page.getByLabel("Start date").fill(options.startDate);
    await this.page.getByLabel("Time zone").selectOption(options.timeZone);
    if (options.reason) await this.page.getByLabel("Reason 1").fill(options.reason);
    await this.page.getByRole("button", { name: "Continue" }).click();
  }
}

export class TodayScreen {
  constructor(private readonly page: Page) {}

  async checkInGoodDay(): Promise<void> {
    await this.page.getByRole("button", { name: "Good day" }).click();
    await this.page.getByRole("button", { name: "Save check-in" }).click();
    await expect(this.page.getByText(/Check-in saved for/)).toBeVisible();
  }

  progressCard(substance: string) {
    return this.page.getByRole("article").filter({ hasText: substance });
  }
}

export class HelpDialog {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole("button", { name: "Get help now" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Help now" });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async close(): Promise<void> {
    await this.page.getByRole("dialog", { name: "Help now" }).getByRole("button", { name: "Close" }).click();
    await expect(this.page.getByRole("dialog", { name: "Help now" })).toBeHidden();
  }
}

/** Dates as a person reads them on screen, formatted the way the app does (never through the device's zone). */
export function longDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "long" }).format(
    Date.UTC(y, m - 1, d),
  );
}

export function uniqueUsername(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}
