/** Page models for the overdose page and the withdrawal tracker. */
import { WITHDRAWAL_SYMPTOMS, type WithdrawalRatings } from "@cairn/core";
import { expect, type Page } from "@playwright/test";

export class OverdoseScreen {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole("heading", { level: 1, name: "Overdose: what to do" });
  }

  section(name: string) {
    return this.page.getByRole("region", { name });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading()).toBeVisible();
    await expect(this.section("Signs of an opioid overdose")).toContainText("breathing");
    await expect(this.section("What to do, step by step")).toContainText("Call 911");
    await expect(this.section("How to give naloxone (nasal spray)")).toContainText("nostril");
    const alone = this.section("If you're going to use");
    await expect(alone).toContainText("fentanyl test strips");
    await expect(alone.getByRole("link", { name: /Call 1-800-484-3731/ })).toHaveAttribute(
      "href",
      "tel:18004843731",
    );
  }
}

/** The words on the symptom form for each symptom, as the legends say them. */
const SYMPTOM_NAMES: Record<keyof WithdrawalRatings, string> = {
  restlessness: "Restlessness",
  anxiety: "Anxiety",
  yawning: "Yawning",
  sweating: "Sweating",
  runnyNoseOrEyes: "Runny nose or watery eyes",
  goosebumps: "Goosebumps",
  muscleAches: "Muscle or bone aches",
  stomachCramps: "Stomach cramps",
  nausea: "Nausea",
  vomiting: "Vomiting",
  diarrhoea: "Diarrhea",
  troubleSleeping: "Trouble sleeping",
};

export class WithdrawalScreen {
  constructor(private readonly page: Page) {}

  /** Rates every symptom (`value`, or the override) and saves; returns after the confirmation shows. */
  async record(value: number, overrides: Partial<WithdrawalRatings> = {}): Promise<void> {
    for (const symptom of WITHDRAWAL_SYMPTOMS) {
      const rating = overrides[symptom] ?? value;
      await this.page
        .getByRole("group", { name: SYMPTOM_NAMES[symptom], exact: true })
        .getByRole("radio", { name: new RegExp(`^${rating} `) })
        .check();
    }
    await this.page.getByRole("button", { name: "Save symptom check" }).click();
  }

  guidance() {
    return this.page.getByRole("region", { name: "When to get medical help" });
  }

  course() {
    return this.page.getByRole("region", { name: "Your course" });
  }
}
