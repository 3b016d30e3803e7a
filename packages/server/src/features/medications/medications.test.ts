import { randomUUID } from "node:crypto";
import { MEDICATION_LIMITS, type Medication } from "@cairn/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  buildMedication,
  buildMember,
  call,
  medicationInput,
  type TestMember,
} from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

const ZONE = "America/New_York";

describeEachDatabase("medications", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });
  // 2026-12-03 15:00 UTC: 10:00 in New York, so the 08:00 dose has come and a 20:00 dose has not.
  beforeEach(() => t.clock.set("2026-12-03T15:00:00Z"));

  const member = () => buildMember(t, { timezone: ZONE });
  const logDose = (who: TestMember, id: string, body: unknown) =>
    call(t, who, "POST", `/api/v1/medications/${id}/doses`, body);
  const storedDoses = (medicationId: string) =>
    t.db.selectFrom("medication_doses").selectAll().where("medication_id", "=", medicationId).execute();

  describe("recording a medication", () => {
    it("creates a medication with dose, schedule, clinic and take-home doses, and lists and reads it back", async () => {
      const who = await member();
      const created = await call(
        t,
        who,
        "POST",
        "/api/v1/medications",
        medicationInput({
          kind: "methadone",
          dose: { amount: 60, unit: "mg" },
          clinic: "Harbor clinic",
          notes: "Bring ID",
          atClinic: true,
          takeHome: { remaining: 3, nextPickup: "2026-12-07" },
        }),
      );
      expect(created.statusCode).toBe(201);
      const medication = created.json().medication as Medication;
      expect(medication).toEqual({
        id: expect.any(String),
        kind: "methadone",
        name: null,
        dose: { amount: 60, unit: "mg" },
        schedule: { kind: "daily", times: ["08:00"], startDate: "2026-11-01" },
        atClinic: true,
        clinic: "Harbor clinic",
        notes: "Bring ID",
        takeHome: { remaining: 3, nextPickup: "2026-12-07" },
        createdAt: "2026-12-03T15:00:00.000Z",
        updatedAt: "2026-12-03T15:00:00.000Z",
      });
      expect((await call(t, who, "GET", "/api/v1/medications")).json().medications).toEqual([medication]);
      expect((await call(t, who, "GET", `/api/v1/medications/${medication.id}`)).json().medication).toEqual(
        medication,
      );
    });

    it("keeps the member's words encrypted at rest: no table holds the name, dose, clinic or notes as text", async () => {
      const who = await member();
      await buildMedication(t, who, {
        kind: "other",
        name: "MarkerName",
        dose: { text: "MarkerDose" },
        clinic: "MarkerClinic",
        notes: "MarkerNotes",
      });
      const rows = await t.db.selectFrom("medications").selectAll().execute();
      const text = JSON.stringify(rows);
      for (const marker of ["MarkerName", "MarkerDose", "MarkerClinic", "MarkerNotes"]) {
        expect(text).not.toContain(marker);
      }
    });

    it("changes only the fields a PATCH names, and the schedule as a whole", async () => {
      const who = await member();
      const medication = await buildMedication(t, who, { clinic: "First clinic" });
      t.clock.set("2026-12-03T16:00:00Z");
      const patched = await call(t, who, "PATCH", `/api/v1/medications/${medication.id}`, {
        schedule: { kind: "monthly", day: 31, time: "10:00", startDate: "2026-12-01" },
        kind: "naltrexone-injection",
        takeHome: null,
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json().medication).toMatchObject({
        kind: "naltrexone-injection",
        clinic: "First clinic",
        dose: { text: "8 mg/2 mg film" },
        schedule: { kind: "monthly", day: 31, time: "10:00", startDate: "2026-12-01" },
        takeHome: null,
        updatedAt: "2026-12-03T16:00:00.000Z",
      });
    });

    it("removes a medication with its logged doses", async () => {
      const who = await member();
      const medication = await buildMedication(t, who);
      await logDose(who, medication.id, { date: "2026-12-03", time: "08:00", status: "taken" });
      expect((await call(t, who, "DELETE", `/api/v1/medications/${medication.id}`)).statusCode).toBe(204);
      expect((await call(t, who, "GET", `/api/v1/medications/${medication.id}`)).statusCode).toBe(404);
      expect(await storedDoses(medication.id)).toEqual([]);
      expect((await call(t, who, "DELETE", `/api/v1/medications/${medication.id}`)).statusCode).toBe(404);
    });
  });

  describe("bad input", () => {
    it.each([
      [{ schedule: { kind: "daily", times: [], startDate: "2026-12-01" } }, "schedule.times"],
      [
        { schedule: { kind: "interval", every: 0, unit: "days", time: "08:00", startDate: "2026-12-01" } },
        "schedule.every",
      ],
      [
        { schedule: { kind: "daily", times: ["08:00"], startDate: "2026-12-01", endDate: "2026-11-01" } },
        "schedule.endDate",
      ],
      [{ schedule: { kind: "daily", times: ["25:00"], startDate: "2026-12-01" } }, "schedule.times.0"],
      [{ schedule: { kind: "daily", times: ["8am"], startDate: "2026-12-01" } }, "schedule.times.0"],
      [
        {
          schedule: {
            kind: "daily",
            times: ["01:00", "02:00", "03:00", "04:00", "05:00", "06:00", "07:00"],
            startDate: "2026-12-01",
          },
        },
        "schedule.times",
      ],
      [{ kind: "other" }, "name"],
      [{ clinic: "x".repeat(MEDICATION_LIMITS.clinicMax + 1) }, "clinic"],
      [{ dose: { amount: -1, unit: "mg" } }, "dose.amount"],
    ])("refuses %j with an error naming %s, and stores nothing", async (overrides, field) => {
      const who = await member();
      const response = await call(t, who, "POST", "/api/v1/medications", {
        ...medicationInput(),
        ...overrides,
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(Object.keys(response.json().error.fields)).toContain(field);
      expect((await call(t, who, "GET", "/api/v1/medications")).json().medications).toEqual([]);
    });

    it("refuses a PATCH that leaves another medication without a name, and a malformed id", async () => {
      const who = await member();
      const medication = await buildMedication(t, who);
      const nameless = await call(t, who, "PATCH", `/api/v1/medications/${medication.id}`, { kind: "other" });
      expect(nameless.statusCode).toBe(422);
      expect(nameless.json().error.fields).toEqual({ name: "Say which medication this is" });
      expect((await call(t, who, "GET", `/api/v1/medications/${medication.id}`)).json().medication.kind).toBe(
        "buprenorphine",
      );
      expect((await call(t, who, "GET", "/api/v1/medications/not-an-id")).statusCode).toBe(400);
    });

    it(`keeps at most ${MEDICATION_LIMITS.medicationsMax} medications`, async () => {
      const who = await member();
      for (let i = 0; i < MEDICATION_LIMITS.medicationsMax; i++) await buildMedication(t, who);
      const over = await call(t, who, "POST", "/api/v1/medications", medicationInput());
      expect(over.statusCode).toBe(422);
      expect((await call(t, who, "GET", "/api/v1/medications")).json().medications).toHaveLength(
        MEDICATION_LIMITS.medicationsMax,
      );
    });
  });

  describe("logging doses", () => {
    it("logs a scheduled dose once: logging again changes its status, never adds a second", async () => {
      const who = await member();
      const medication = await buildMedication(t, who);
      const first = await logDose(who, medication.id, {
        date: "2026-12-03",
        time: "08:00",
        status: "missed",
      });
      expect(first.statusCode).toBe(201);
      expect(first.json().state).toEqual({
        medicationId: medication.id,
        date: "2026-12-03",
        time: "08:00",
        at: "2026-12-03T13:00:00.000Z",
        state: "missed",
      });
      const again = await logDose(who, medication.id, { date: "2026-12-03", time: "08:00", status: "late" });
      expect(again.statusCode).toBe(200);
      const replay = await logDose(who, medication.id, { date: "2026-12-03", time: "08:00", status: "late" });
      expect(replay.statusCode).toBe(200);
      const stored = await storedDoses(medication.id);
      expect(stored.map((d) => d.status)).toEqual(["late"]);
    });

    it.each([
      [{ date: "2026-12-03", time: "09:00", status: "taken" }, 422, "time", /isn't one of/],
      [{ date: "2026-10-31", time: "08:00", status: "taken" }, 422, "time", /isn't one of/],
      [{ date: "2026-12-04", time: "08:00", status: "taken" }, 422, "time", /hasn't come/],
      [{ date: "2026-12-03", time: "25:00", status: "taken" }, 400, "time", /24-hour/],
      [{ date: "2026-12-03", time: "8am", status: "taken" }, 400, "time", /24-hour/],
      [{ date: "2026-12-03", time: "08:00", status: "skipped" }, 400, "status", /taken/],
    ])("refuses %j (%i, field %s) and stores nothing", async (body, status, field, message) => {
      const who = await member();
      const medication = await buildMedication(t, who);
      const response = await logDose(who, medication.id, body);
      expect(response.statusCode).toBe(status);
      expect(response.json().error.fields[field]).toMatch(message);
      expect(await storedDoses(medication.id)).toEqual([]);
    });

    it("refuses a future dose marked missed, and lets it be taken up to two hours early", async () => {
      const who = await member();
      const medication = await buildMedication(t, who, {
        schedule: { kind: "daily", times: ["08:00", "11:30"], startDate: "2026-11-01" },
      });
      const missed = await logDose(who, medication.id, {
        date: "2026-12-03",
        time: "11:30",
        status: "missed",
      });
      expect(missed.statusCode).toBe(422);
      const taken = await logDose(who, medication.id, { date: "2026-12-03", time: "11:30", status: "taken" });
      expect(taken.statusCode).toBe(201);
    });
  });

  describe("today, visits and adherence", () => {
    it("shows today's doses with their state, and clinic doses and pickups in the next 14 days", async () => {
      const who = await member();
      const daily = await buildMedication(t, who, {
        schedule: { kind: "daily", times: ["08:00", "20:00"], startDate: "2026-11-01" },
        takeHome: { remaining: 2, nextPickup: "2026-12-05" },
      });
      const injection = await buildMedication(t, who, {
        kind: "naltrexone-injection",
        dose: { amount: 380, unit: "mg" },
        atClinic: true,
        schedule: { kind: "interval", every: 4, unit: "weeks", time: "10:00", startDate: "2026-11-12" },
      });
      await logDose(who, daily.id, { date: "2026-12-03", time: "08:00", status: "taken" });
      const today = (await call(t, who, "GET", "/api/v1/medications/today")).json();
      expect(today.date).toBe("2026-12-03");
      expect(today.doses.map((d: { time: string; state: string }) => [d.time, d.state])).toEqual([
        ["08:00", "taken"],
        ["20:00", "upcoming"],
      ]);
      expect(today.visits).toEqual([
        { medicationId: daily.id, date: "2026-12-05", time: null, kind: "pickup" },
        { medicationId: injection.id, date: "2026-12-10", time: "10:00", kind: "dose" },
      ]);
    });

    it("uses the member's own calendar: in Kiritimati it is already 4 December", async () => {
      const who = await buildMember(t, { timezone: "Pacific/Kiritimati" });
      await buildMedication(t, who);
      const today = (await call(t, who, "GET", "/api/v1/medications/today")).json();
      expect(today.date).toBe("2026-12-04");
      // 05:00 there: the 08:00 dose opens for taking at 06:00, so it is still upcoming.
      expect(today.doses.map((d: { state: string }) => d.state)).toEqual(["upcoming"]);
    });

    it("counts adherence over the last 30 days, honest about a member with nothing scheduled", async () => {
      const who = await member();
      const empty = (await call(t, who, "GET", "/api/v1/medications/adherence")).json();
      expect(empty.total).toEqual({
        onTime: 0,
        late: 0,
        missed: 0,
        notLogged: 0,
        scheduled: 0,
        takenPercent: null,
      });
      expect(empty.days).toHaveLength(30);

      const medication = await buildMedication(t, who, {
        schedule: { kind: "daily", times: ["08:00"], startDate: "2026-11-30" },
      });
      await logDose(who, medication.id, { date: "2026-11-30", time: "08:00", status: "taken" });
      await logDose(who, medication.id, { date: "2026-12-01", time: "08:00", status: "late" });
      await logDose(who, medication.id, { date: "2026-12-02", time: "08:00", status: "missed" });
      const result = (await call(t, who, "GET", "/api/v1/medications/adherence")).json();
      expect(result.total).toEqual({
        onTime: 1,
        late: 1,
        missed: 1,
        notLogged: 1,
        scheduled: 4,
        takenPercent: 50,
      });
      expect(result.medications).toEqual([{ medicationId: medication.id, counts: result.total }]);
      expect(result.suggestPrescriber).toBe(true);
    });
  });

  describe("privacy", () => {
    it("gives another member 404 for the owner's medication and refuses their dose logs", async () => {
      const owner = await member();
      const stranger = await member();
      const medication = await buildMedication(t, owner, { notes: "owner only" });
      expect((await call(t, stranger, "GET", `/api/v1/medications/${medication.id}`)).statusCode).toBe(404);
      expect(
        (await call(t, stranger, "PATCH", `/api/v1/medications/${medication.id}`, { notes: "x" })).statusCode,
      ).toBe(404);
      expect(
        (await logDose(stranger, medication.id, { date: "2026-12-03", time: "08:00", status: "taken" }))
          .statusCode,
      ).toBe(404);
      expect((await call(t, stranger, "DELETE", `/api/v1/medications/${medication.id}`)).statusCode).toBe(
        404,
      );
      expect((await call(t, stranger, "GET", `/api/v1/medications/${randomUUID()}`)).statusCode).toBe(404);
      expect((await call(t, stranger, "GET", "/api/v1/medications/today")).json().doses).toEqual([]);
      expect(await storedDoses(medication.id)).toEqual([]);
      expect(
        (await call(t, owner, "GET", `/api/v1/medications/${medication.id}`)).json().medication.notes,
      ).toBe("owner only");
    });
  });
});
