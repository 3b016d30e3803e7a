/**
 * Issue 4's medication journey: add buprenorphine daily at 08:00, see it due on Today, log it taken, and see
 * it in the last 30 days. The member's zone is one where 08:00 has passed now, so the run does not depend on
 * the real time of day; the browser stays in its own zone (Asia/Tokyo) like every spec.
 */
import { localDateTimeAt } from "@cairn/core";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./pages/accessibility.ts";
import { newMemberToday } from "./pages/cairn.ts";
import { MedicationScreens, zoneWhereMorningHasPassed } from "./pages/medications.ts";

test("a member adds buprenorphine daily at 08:00, sees it due, logs it and sees adherence", async ({
  page,
}) => {
  const zone = zoneWhereMorningHasPassed();
  await newMemberToday(page, {
    prefix: "meds",
    password: "stones on the trail 7",
    substance: "Opioids/heroin",
    timeZone: zone,
  });

  const meds = new MedicationScreens(page);
  await meds.openFromToday();
  await expectNoSeriousA11yViolations(page, "medications, empty");
  await page.getByRole("button", { name: "Add a medication" }).click();
  await expectNoSeriousA11yViolations(page, "add medication form");
  await page.getByRole("button", { name: "Cancel" }).click();
  await meds.addDaily({
    kind: "Buprenorphine",
    dose: "8 mg/2 mg film",
    time: "08:00",
    clinic: "Harbor clinic",
  });
  await expect(page.getByText("Every day at 08:00")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "medications list");

  await page.getByRole("link", { name: "Today" }).click();
  const dose = meds.dose("Buprenorphine", "08:00");
  await expect(dose).toContainText("Due");
  await expectNoSeriousA11yViolations(page, "today with a due dose");
  await dose.getByRole("button", { name: "Taken", exact: true }).click();
  await expect(page.getByText("Saved: Buprenorphine at 08:00, Taken.")).toBeVisible();
  await expect(dose.getByRole("button", { name: "Taken", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // Logging again changes the answer rather than adding another dose.
  await dose.getByRole("button", { name: "Taken late" }).click();
  await expect(page.getByText("Saved: Buprenorphine at 08:00, Taken late.")).toBeVisible();
  await dose.getByRole("button", { name: "Taken", exact: true }).click();
  await expect(page.getByText("Saved: Buprenorphine at 08:00, Taken.")).toBeVisible();

  await page.getByRole("link", { name: "Last 30 days" }).click();
  await expect(page.getByRole("heading", { name: "Your last 30 days" })).toBeVisible();
  await expect(page.getByText("Taken: 100% of 1 dose")).toBeVisible();
  const counts = page.locator(".adherence__counts");
  await expect(counts.getByText("Taken on time")).toBeVisible();
  await expect(page.getByRole("row", { name: /1 0 0 0/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "adherence");

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Open medication" }).click();
  await expect(page.getByRole("heading", { name: "Buprenorphine" })).toBeVisible();
});

test("before a dose's time only 'Taken' is offered, and a log the server refuses shows its reason beside the dose", async ({
  page,
}) => {
  // The browser's clock is moved ahead later; the server keeps the real time.
  await page.clock.install();
  const zone = zoneWhereMorningHasPassed();
  const local = localDateTimeAt(Date.now(), zone);
  // An hour from now in the member's zone (at most 21:59, still today): within the two hours a dose may be taken early.
  const time = `${String(local.hour + 1).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}`;
  await newMemberToday(page, {
    prefix: "early",
    password: "stones on the trail 7",
    substance: "Opioids/heroin",
    timeZone: zone,
  });
  const meds = new MedicationScreens(page);
  await meds.openFromToday();
  await meds.addDaily({ kind: "Buprenorphine", dose: "8 mg/2 mg film", time });

  await page.getByRole("link", { name: "Today" }).click();
  const dose = meds.dose("Buprenorphine", time);
  await expect(dose).toContainText("Coming up: can be taken now");
  await expect(dose.getByRole("button")).toHaveText(["Taken"]);
  await dose.getByRole("button", { name: "Taken", exact: true }).click();
  await expect(page.getByText(`Saved: Buprenorphine at ${time}, Taken.`)).toBeVisible();

  // The browser now thinks the dose's time has passed and offers "Taken late"; the server, an hour earlier, refuses.
  await page.clock.fastForward("01:05:00");
  await dose.getByRole("button", { name: "Taken late" }).click();
  await expect(dose.getByRole("alert")).toHaveText("This dose's time hasn't come yet");
  await expect(page.getByText("Please check the fields marked below.")).toHaveCount(0);
});
