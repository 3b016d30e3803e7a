import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PLAN_LIMITS, PLAN_VERSIONS_KEPT, type Plan } from "@cairn/core";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildMember, buildPlan, call, planInput, type TestMember } from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

describeEachDatabase("recovery plan", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });
  // 2026-12-03 15:00 UTC: 10:00 in New York, 05:00 on 2026-12-04 in Kiritimati.
  beforeEach(() => t.clock.set("2026-12-03T15:00:00Z"));

  const readPlan = async (who: TestMember): Promise<Plan> => {
    const response = await call(t, who, "GET", "/api/v1/plan");
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const versionsOf = async (who: TestMember): Promise<number[]> =>
    (await call(t, who, "GET", "/api/v1/plan/versions"))
      .json()
      .versions.map((v: { version: number }) => v.version);

  describe("GET /api/v1/plan", () => {
    it("gives a member who never saved an empty plan at version 0", async () => {
      const member = await buildMember(t);
      expect(await readPlan(member)).toEqual({
        plan: {
          reasons: [],
          triggers: [],
          warningSigns: [],
          dailyActions: [],
          supportPeople: [],
          professionalHelp: [],
          naloxoneLocation: null,
        },
        version: 0,
        savedAt: null,
      });
      expect(await versionsOf(member)).toEqual([]);
    });
  });

  describe("PUT /api/v1/plan", () => {
    it("saves the whole plan as version 1, trimmed, and reads it back the same", async () => {
      const member = await buildMember(t);
      const input = planInput({ reasons: ["  My kids 👨‍👩‍👧 ", "Feeling well again"] });
      const response = await call(t, member, "PUT", "/api/v1/plan", input);
      expect(response.statusCode).toBe(200);
      const expected = { ...input, reasons: ["My kids 👨‍👩‍👧", "Feeling well again"] };
      expect(response.json()).toEqual({
        plan: expected,
        version: 1,
        savedAt: "2026-12-03T15:00:00.000Z",
        support: { danger: [] },
      });
      expect(await readPlan(member)).toEqual({
        plan: expected,
        version: 1,
        savedAt: "2026-12-03T15:00:00.000Z",
      });
    });

    it("keeps each changed save as a version the member can open, and the same plan again adds none", async () => {
      const member = await buildMember(t);
      const first = planInput({ reasons: ["First reason"] });
      await buildPlan(t, member, first);
      t.clock.set("2026-12-03T16:00:00Z");
      const second = await buildPlan(t, member, { ...first, reasons: ["Second reason"] });
      expect(second.version).toBe(2);
      const again = await buildPlan(t, member, { ...first, reasons: ["Second reason"] });
      expect(again).toMatchObject({ version: 2, savedAt: "2026-12-03T16:00:00.000Z" });

      const list = await call(t, member, "GET", "/api/v1/plan/versions");
      expect(list.json()).toEqual({
        versions: [
          { version: 2, savedAt: "2026-12-03T16:00:00.000Z" },
          { version: 1, savedAt: "2026-12-03T15:00:00.000Z" },
        ],
      });
      const old = await call(t, member, "GET", "/api/v1/plan/versions/1");
      expect(old.statusCode).toBe(200);
      expect(old.json()).toEqual({ plan: first, version: 1, savedAt: "2026-12-03T15:00:00.000Z" });
      expect((await readPlan(member)).plan.reasons).toEqual(["Second reason"]);
    });

    it("answers 404 for a version that does not exist and 400 for one that is not a number", async () => {
      const member = await buildMember(t);
      await buildPlan(t, member);
      expect((await call(t, member, "GET", "/api/v1/plan/versions/2")).statusCode).toBe(404);
      const bad = await call(t, member, "GET", "/api/v1/plan/versions/first");
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().error.fields)).toEqual(["version"]);
      expect((await call(t, member, "GET", "/api/v1/plan/versions/0")).statusCode).toBe(400);
    });

    it(`keeps the newest ${PLAN_VERSIONS_KEPT} versions and drops older ones`, async () => {
      const member = await buildMember(t);
      for (let i = 1; i <= PLAN_VERSIONS_KEPT + 2; i++)
        await buildPlan(t, member, { reasons: [`Reason ${i}`] });
      const versions = await versionsOf(member);
      expect(versions).toHaveLength(PLAN_VERSIONS_KEPT);
      expect(versions[0]).toBe(PLAN_VERSIONS_KEPT + 2);
      expect(versions.at(-1)).toBe(3);
      expect((await call(t, member, "GET", "/api/v1/plan/versions/2")).statusCode).toBe(404);
    });

    it("refuses (409) a save edited from an older version than the stored one, and writes nothing", async () => {
      const member = await buildMember(t);
      const fromEmpty = await call(t, member, "PUT", "/api/v1/plan", { ...planInput(), baseVersion: 0 });
      expect(fromEmpty.json().version).toBe(1);
      const phone = await call(t, member, "PUT", "/api/v1/plan", {
        ...planInput({ reasons: ["From my phone"] }),
        baseVersion: 1,
      });
      expect(phone.json().version).toBe(2);
      const laptop = await call(t, member, "PUT", "/api/v1/plan", {
        ...planInput({ reasons: ["From my laptop"] }),
        baseVersion: 1,
      });
      expect(laptop.statusCode).toBe(409);
      expect(Object.keys(laptop.json().error.fields)).toEqual(["baseVersion"]);
      expect((await readPlan(member)).plan.reasons).toEqual(["From my phone"]);
      expect(await versionsOf(member)).toEqual([2, 1]);
    });

    it("lets exactly one of two saves from the same version win when they race", async () => {
      const member = await buildMember(t);
      await buildPlan(t, member);
      const saves = await Promise.all(
        ["Phone", "Laptop"].map((device) =>
          call(t, member, "PUT", "/api/v1/plan", { ...planInput({ reasons: [device] }), baseVersion: 1 }),
        ),
      );
      expect(saves.map((s) => s.statusCode).sort()).toEqual([200, 409]);
      expect(await versionsOf(member)).toEqual([2, 1]);
    });

    it("says when newly written text holds danger language, and not again for text already saved", async () => {
      const member = await buildMember(t);
      const withDanger = planInput({ warningSigns: ["Thinking I might overdose if I use again"] });
      const first = await call(t, member, "PUT", "/api/v1/plan", withDanger);
      expect(first.json().support).toEqual({ danger: ["overdose"] });
      const next = await call(t, member, "PUT", "/api/v1/plan", { ...withDanger, reasons: ["My dog"] });
      expect(next.json().support).toEqual({ danger: [] });
      const steps = await call(t, member, "PUT", "/api/v1/plan", {
        ...withDanger,
        reasons: ["My dog", "Some days I want to kill myself"],
      });
      expect(steps.json().support).toEqual({ danger: ["suicide"] });
    });

    const longText = "x".repeat(PLAN_LIMITS.reasonMax + 1);
    const many = <T>(n: number, make: () => T) => Array.from({ length: n }, make);
    const trigger = () => ({ id: randomUUID(), kind: "place", label: "The bar", copingSteps: [] });
    const duplicateId = randomUUID();
    it.each<[string, Record<string, unknown>, string]>([
      [
        "a phone number with letters",
        { supportPeople: [{ ...planInput().supportPeople[0], phone: "call me" }] },
        "supportPeople.0.phone",
      ],
      [
        "a phone number with two digits",
        { professionalHelp: [{ ...planInput().professionalHelp[0], phone: "12" }] },
        "professionalHelp.0.phone",
      ],
      ["too many triggers", { triggers: many(PLAN_LIMITS.triggersMax + 1, trigger) }, "triggers"],
      [
        "too many coping steps",
        { triggers: [{ ...trigger(), copingSteps: many(13, () => randomUUID()) }] },
        "triggers.0.copingSteps",
      ],
      [
        "two triggers with one id",
        {
          triggers: [
            { ...trigger(), id: duplicateId },
            { ...trigger(), id: duplicateId },
          ],
        },
        "triggers",
      ],
      ["the same reason twice", { reasons: ["My kids", "My kids"] }, "reasons"],
      ["a reason over the limit", { reasons: [longText] }, "reasons.0"],
      ["an empty trigger", { triggers: [{ ...trigger(), label: "   " }] }, "triggers.0.label"],
      ["an unknown trigger kind", { triggers: [{ ...trigger(), kind: "weather" }] }, "triggers.0.kind"],
      [
        "an unknown relation",
        { supportPeople: [{ ...planInput().supportPeople[0], relation: "dealer" }] },
        "supportPeople.0.relation",
      ],
      [
        "an id that is not an id",
        { dailyActions: [{ id: "1", kind: "meeting", label: "Meeting" }] },
        "dailyActions.0.id",
      ],
      ["an unknown field", { notes: "hello" }, "notes"],
      ["a negative base version", { baseVersion: -1 }, "baseVersion"],
    ])("refuses %s (400) naming the field, and writes nothing", async (_name, change, field) => {
      const member = await buildMember(t);
      const response = await call(t, member, "PUT", "/api/v1/plan", { ...planInput(), ...change });
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json().error.fields)).toContain(field);
      expect(await versionsOf(member)).toEqual([]);
    });
  });

  describe("daily actions ticked off: /api/v1/plan/actions/:date", () => {
    it("keeps the day's ticks and replaces them with each save", async () => {
      const member = await buildMember(t, { timezone: "America/New_York" });
      const plan = await buildPlan(t, member, {
        dailyActions: [
          { id: randomUUID(), kind: "meeting", label: "Noon meeting" },
          { id: randomUUID(), kind: "exercise", label: "Walk" },
        ],
      });
      const [meeting, walk] = plan.plan.dailyActions.map((a) => a.id) as [string, string];
      const url = "/api/v1/plan/actions/2026-12-03";
      expect((await call(t, member, "GET", url)).json()).toEqual({ date: "2026-12-03", done: [] });
      const put = await call(t, member, "PUT", url, { done: [meeting, walk] });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toEqual({ date: "2026-12-03", done: [meeting, walk] });
      await call(t, member, "PUT", url, { done: [walk] });
      expect((await call(t, member, "GET", url)).json()).toEqual({ date: "2026-12-03", done: [walk] });
      expect((await call(t, member, "GET", "/api/v1/plan/actions/2026-12-02")).json().done).toEqual([]);
    });

    it("refuses a day that has not begun in the member's zone, and allows it where it has", async () => {
      const newYork = await buildMember(t, { timezone: "America/New_York" });
      const kiritimati = await buildMember(t, { timezone: "Pacific/Kiritimati" });
      const ids = [];
      for (const who of [newYork, kiritimati]) ids.push((await buildPlan(t, who)).plan.dailyActions[0]?.id);
      const early = await call(t, newYork, "PUT", "/api/v1/plan/actions/2026-12-04", { done: [ids[0]] });
      expect(early.statusCode).toBe(422);
      expect(Object.keys(early.json().error.fields)).toEqual(["date"]);
      expect((await call(t, newYork, "GET", "/api/v1/plan/actions/2026-12-04")).json().done).toEqual([]);
      const ahead = await call(t, kiritimati, "PUT", "/api/v1/plan/actions/2026-12-04", { done: [ids[1]] });
      expect(ahead.statusCode).toBe(200);
    });

    it("refuses an action that is not in the member's plan (422), duplicates and bad dates (400)", async () => {
      const member = await buildMember(t);
      const own = (await buildPlan(t, member)).plan.dailyActions[0]?.id as string;
      const url = "/api/v1/plan/actions/2026-12-02";
      const unknown = await call(t, member, "PUT", url, { done: [own, randomUUID()] });
      expect(unknown.statusCode).toBe(422);
      expect(Object.keys(unknown.json().error.fields)).toEqual(["done.1"]);
      const twice = await call(t, member, "PUT", url, { done: [own, own] });
      expect(twice.statusCode).toBe(400);
      expect(Object.keys(twice.json().error.fields)).toEqual(["done"]);
      const tooMany = await call(t, member, "PUT", url, {
        done: Array.from({ length: PLAN_LIMITS.dailyActionsMax + 1 }, () => randomUUID()),
      });
      expect(tooMany.statusCode).toBe(400);
      const badDate = await call(t, member, "PUT", "/api/v1/plan/actions/2026-02-30", { done: [own] });
      expect(badDate.statusCode).toBe(400);
      expect(Object.keys(badDate.json().error.fields)).toEqual(["date"]);
      expect((await call(t, member, "GET", url)).json().done).toEqual([]);
    });
  });

  describe("encryption at rest", () => {
    it("the plan's words appear in no row of any table, nor in the database files", async () => {
      const member = await buildMember(t);
      const marker = `quokkaplan${randomUUID().slice(0, 8)}`;
      await buildPlan(t, member, { reasons: [`For ${marker}`], naloxoneLocation: `Behind the ${marker}` });
      expect((await readPlan(member)).plan.reasons).toEqual([`For ${marker}`]);
      const tables =
        t.kind === "sqlite"
          ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.db)
          : await sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
              t.db,
            );
      expect(tables.rows.map((r) => r.name)).toContain("plan_versions");
      for (const { name } of tables.rows) {
        const rows = await sql`select * from ${sql.table(name)}`.execute(t.db);
        expect(JSON.stringify(rows.rows), `table ${name}`).not.toContain(marker);
      }
      if (t.kind === "sqlite") {
        const base = path.join(t.dataDir, "cairn.sqlite");
        for (const file of [base, `${base}-wal`].filter((f) => fs.existsSync(f))) {
          expect(fs.readFileSync(file).includes(marker), file).toBe(false);
        }
      }
    });

    it("a plan copied into another member's row does not decrypt for them", async () => {
      const owner = await buildMember(t);
      const stranger = await buildMember(t);
      await buildPlan(t, owner, { reasons: ["private"] });
      await buildPlan(t, stranger, { reasons: ["mine"] });
      const stolen = await t.db
        .selectFrom("plan_versions")
        .select("plan_enc")
        .where("member_id", "=", owner.member.id)
        .executeTakeFirstOrThrow();
      await t.db
        .updateTable("plan_versions")
        .set(stolen)
        .where("member_id", "=", stranger.member.id)
        .execute();
      const response = await call(t, stranger, "GET", "/api/v1/plan");
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain("private");
    });
  });
});
