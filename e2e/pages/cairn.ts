/** Page models: what a person does on each screen, in the words the screen shows. */

import { localDateAt } from "@cairn/core";
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
    const save = this.page.getByRole("button", { name: "Save check-in" });
    await save.click();
    await expect(this.page.getByText(/Check-in saved for/)).toBeVisible();
    // While saving, Save stays focusable (lib/busy.ts): the member keeps their place.
    await expect(save).toBeFocused();
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

/** The team screens: the list, a team's chat, and its details (members, invites, reports). */
export class TeamScreens {
  constructor(private readonly page: Page) {}

  async openList(): Promise<void> {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Team/ }).click();
    await expect(this.page.getByRole("heading", { name: "Your teams", level: 1 })).toBeVisible();
  }

  async createTeam(name: string): Promise<void> {
    await this.page.getByLabel("Team name").fill(name);
    await this.page.getByRole("button", { name: "Create team" }).click();
    await expect(this.page.getByRole("heading", { name, level: 1 })).toBeVisible();
  }

  /** Opens an invite link (`/join/<code>`): the join form comes filled in. */
  async joinWithLink(code: string): Promise<void> {
    await this.page.goto(`/join/${encodeURIComponent(code)}`);
    await expect(this.page.getByLabel("Invite code")).toHaveValue(code);
    await this.page.getByRole("button", { name: "Join team" }).click();
  }

  async openChat(name: string): Promise<void> {
    await this.page
      .getByRole("list", { name: "Your teams" })
      .getByRole("link", { name: new RegExp(name) })
      .click();
    await expect(this.page.getByRole("heading", { name, level: 1 })).toBeVisible();
  }

  connection() {
    return this.page.getByRole("status").filter({ hasText: /^(Connected|Connecting…|Reconnecting….*)$/ });
  }

  async expectConnected(): Promise<void> {
    await expect(this.connection()).toHaveText("Connected");
  }

  /** The chat's messages, one list item each (pending sends included). */
  messages() {
    return this.page.getByRole("region", { name: "Messages" }).locator("ol.messages > li");
  }

  message(text: string) {
    return this.messages().filter({ hasText: text });
  }

  /** Sends a message and waits until the server's stored copy replaced the pending one. */
  async send(text: string): Promise<void> {
    await this.page.getByLabel("Message", { exact: true }).fill(text);
    await this.page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(this.message(text)).toHaveCount(1);
    await expect(this.message(text)).not.toContainText("Sending…");
    await expect(this.message(text)).toHaveAttribute("data-seq", /^\d+$/);
  }

  /** The texts of the chat's messages, in the order shown. */
  async messageTexts(): Promise<string[]> {
    return this.page
      .getByRole("region", { name: "Messages" })
      .locator("ol.messages > li .message__text")
      .allInnerTexts();
  }

  async openOptions(text: string): Promise<void> {
    await this.message(text)
      .getByRole("button", { name: /^Options for the message from/ })
      .click();
  }

  async report(text: string, reason: string): Promise<void> {
    await this.openOptions(text);
    await this.message(text).getByRole("button", { name: "Report" }).click();
    await this.message(text)
      .getByLabel(/Reason/)
      .fill(reason);
    await this.message(text).getByRole("button", { name: "Send report" }).click();
    await expect(
      this.page.getByText(
        "Report sent. The team's leaders will look at it, or the people who run this Cairn when it's about a leader.",
      ),
    ).toBeVisible();
  }

  async openDetails(): Promise<void> {
    await this.page.getByRole("link", { name: "Team details" }).click();
    await expect(this.page.getByRole("heading", { name: "Members" })).toBeVisible();
  }

  async backToChat(name: string): Promise<void> {
    await this.page.getByRole("link", { name: "Back to the chat" }).click();
    await expect(this.page.getByRole("heading", { name, level: 1 })).toBeVisible();
  }

  /** Leaders: makes an invite and returns its code (shown this once). */
  async createInvite(): Promise<string> {
    await this.page.getByRole("button", { name: "Create invite" }).click();
    const code = this.page.getByLabel("Invite code");
    await expect(code).not.toHaveValue("");
    return code.inputValue();
  }

  async removeMember(alias: string): Promise<void> {
    await this.page.getByRole("button", { name: `Remove ${alias} from the team` }).click();
    await this.page.getByRole("button", { name: "Yes, remove" }).click();
    await expect(this.page.getByText(`${alias} was removed from the team.`)).toBeVisible();
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

/** A new member signed up (codes saved) and set up for one recovery starting today in `timeZone`. */
export async function newMemberToday(
  page: Page,
  options: { prefix: string; password: string; substance: string; timeZone: string },
): Promise<string> {
  const username = uniqueUsername(options.prefix);
  const auth = new AuthScreens(page);
  await auth.signUp(username, options.password);
  await auth.confirmCodesSaved();
  await new OnboardingScreen(page).setUp({
    substance: options.substance,
    startDate: localDateAt(Date.now(), options.timeZone),
    timeZone: options.timeZone,
  });
  return username;
}
