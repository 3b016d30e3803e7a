/** The craving SOS, in the words it shows: the control beside "Get help now", its dialog, the record. */
import { expect, type Locator, type Page } from "@playwright/test";

export class SosScreens {
  readonly button: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.button = page.getByRole("button", { name: "Craving SOS" });
    this.dialog = page.getByRole("dialog", { name: "Ride out this urge" });
  }

  /** Opens the SOS with the keyboard alone: focus the control, press Enter. */
  async openWithKeyboard(): Promise<void> {
    await this.button.focus();
    await this.page.keyboard.press("Enter");
    await expect(this.dialog).toBeVisible();
  }

  craving(): Locator {
    return this.dialog.getByRole("slider", { name: "How strong is the urge right now?" });
  }

  /** Rates the urge and starts the timer: a click, or with `keyboard` Enter on the focused button. */
  async start(options: {
    craving: number;
    trigger?: string;
    ownWords?: string;
    keyboard?: boolean;
  }): Promise<void> {
    await this.craving().fill(String(options.craving));
    if (options.trigger) await this.dialog.getByRole("radio", { name: options.trigger }).check();
    if (options.ownWords) await this.dialog.getByLabel("In your own words").fill(options.ownWords);
    const start = this.dialog.getByRole("button", { name: "Start riding it out" });
    if (options.keyboard) {
      await start.focus();
      await this.page.keyboard.press("Enter");
    } else {
      await start.click();
    }
    await expect(this.dialog.getByRole("timer")).toBeVisible();
  }

  timerHeading(): Locator {
    return this.dialog.getByRole("heading", { name: "Time left" });
  }

  async finish(options: { craving: number; helped: string[] }): Promise<void> {
    await this.dialog
      .getByRole("slider", { name: "How strong is the urge now?" })
      .fill(String(options.craving));
    for (const item of options.helped) await this.dialog.getByRole("checkbox", { name: item }).check();
    await this.dialog.getByRole("button", { name: "Save" }).click();
    await expect(this.dialog.getByRole("heading", { name: "You rode it out" })).toBeVisible();
  }
}
