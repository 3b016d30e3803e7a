/** Page model for medication support: the medications screen, Today's doses and the last 30 days. */
import { localDateTimeAt } from "@cairn/core";
import { expect, type Page } from "@playwright/test";

// Zones from UTC−10 to UTC+14, at most three hours apart: at any moment one of them is between 09:00 and 20:59.
const ZONES = [
  "Pacific/Honolulu",
  "America/Los_Angeles",
  "America/Chicago",
  "America/New_York",
  "America/Sao_Paulo",
  "Atlantic/Azores",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Moscow",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Bangkok",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Australia/Brisbane",
  "Pacific/Noumea",
  "Pacific/Auckland",
  "Pacific/Tongatapu",
  "Pacific/Kiritimati",
];

/**
 * A member zone where 08:00 today has passed and the day still has hours to run, whatever the real time:
 * the server and the browser read the real clock, so the test picks the zone rather than moving the time.
 */
export function zoneWhereMorningHasPassed(now = Date.now()): string {
  const zone = ZONES.find((candidate) => {
    const { hour } = localDateTimeAt(now, candidate);
    return hour >= 9 && hour <= 20;
  });
  if (!zone) throw new Error("no zone between 09:00 and 20:59 right now");
  return zone;
}

export class MedicationScreens {
  constructor(private readonly page: Page) {}

  async openFromToday(): Promise<void> {
    await this.page.getByRole("link", { name: "Taking medication? Keep track of your doses" }).click();
    await expect(this.page.getByRole("heading", { name: "Medication", level: 1 })).toBeVisible();
  }

  /** Adds a daily medication with its dose in the member's own words. */
  async addDaily(options: { kind: string; dose: string; time: string; clinic?: string }): Promise<void> {
    await this.page.getByRole("button", { name: "Add a medication" }).click();
    await this.page.getByLabel("Medication", { exact: true }).selectOption({ label: options.kind });
    await this.page.getByLabel("Dose", { exact: true }).fill(options.dose);
    await this.page.getByLabel("Time 1").fill(options.time);
    if (options.clinic) await this.page.getByLabel(/Clinic or pharmacy/).fill(options.clinic);
    await this.page.getByRole("button", { name: "Add medication" }).click();
    await expect(this.page.getByText(`${options.kind} added.`)).toBeVisible();
  }

  /** The group of buttons for one of today's doses, named like "Buprenorphine at 08:00 Due". */
  dose(name: string, time: string) {
    return this.page.getByRole("group", { name: new RegExp(`^${name} at ${time}`) });
  }
}
