import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Resources, resourcesSchema } from "@cairn/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildMember, call } from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config/config.ts";
import { openDatabase } from "../../db/database.ts";
import { SESSION_CACHE_MS } from "../sessions/session-cache.ts";

const SHIPPED_DIR = path.resolve(import.meta.dirname, "../../../../../resources");
const shippedUs = (): Resources => JSON.parse(fs.readFileSync(path.join(SHIPPED_DIR, "us.en.json"), "utf8"));

/** A resources folder holding the shipped US file plus `extra` files (name → contents). */
function resourcesDir(extra: Record<string, unknown> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-resources-"));
  fs.copyFileSync(path.join(SHIPPED_DIR, "us.en.json"), path.join(dir, "us.en.json"));
  for (const [name, contents] of Object.entries(extra)) {
    fs.writeFileSync(
      path.join(dir, name),
      typeof contents === "string" ? contents : JSON.stringify(contents),
    );
  }
  return dir;
}

/** A made-up region for tests, so nobody mistakes it for real numbers. */
const testRegion = (): Resources => ({ ...shippedUs(), region: "zz", emergencyNumber: "112" });

describe("the shipped US resources", () => {
  const us = shippedUs();

  it("are valid and carry the crisis lines, emergency number and overdose help", () => {
    expect(resourcesSchema.safeParse(us).success).toBe(true);
    expect(us.emergencyNumber).toBe("911");
    const lifeline = us.crisis.find((c) => c.id === "988-lifeline");
    expect(lifeline).toMatchObject({ phone: "988", sms: { number: "988" }, url: "https://988lifeline.org" });
    const samhsa = us.crisis.find((c) => c.id === "samhsa-helpline");
    expect(samhsa?.phone).toBe("1-800-662-4357");
    expect(samhsa?.description).toMatch(/free, confidential/i);
    expect(samhsa?.description).toMatch(/English and Spanish/);
    expect(samhsa?.hours).toBe("24/7");
    expect(us.overdose.neverUseAlone[0]).toMatchObject({
      phone: "1-800-484-3731",
      url: "https://neverusealone.com",
    });
    expect(us.overdose.steps.join(" ")).toMatch(/Call 911/);
    expect(us.overdose.steps.join(" ")).toMatch(/Good Samaritan/);
    expect(us.overdose.naloxone.join(" ")).toMatch(/without a prescription/);
    const saferUse = us.overdose.saferUse.join(" ");
    expect(saferUse).toMatch(/1-800-484-3731/);
    expect(saferUse).toMatch(/small amount/);
    expect(saferUse).toMatch(/fentanyl test strips/);
    expect(saferUse).toMatch(/alone/);
    expect(us.afterOpioidUse.join(" ")).toMatch(/tolerance/i);
    expect(us.afterOpioidUse.join(" ")).toMatch(/1-800-484-3731/);
    expect(us.afterOpioidUse.join(" ")).toMatch(/test strips/);
  });

  it("use no stigmatizing words", () => {
    const text = JSON.stringify(us).toLowerCase();
    for (const word of ["addict", "clean", "dirty", "abuse", "failure", "junkie"]) {
      expect(text, word).not.toContain(word);
    }
  });
});

describe("resources files are checked at start", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function startWith(resources: string): Promise<unknown> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-start-"));
    dirs.push(dataDir, resources);
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", RESOURCES_DIR: resources });
    const { db } = openDatabase({ dataDir });
    try {
      const app = await buildApp({ config, db, logger: false });
      await app.close();
      return undefined;
    } catch (error) {
      return error;
    } finally {
      await db.destroy();
    }
  }

  it("a broken field stops start-up with a message naming the file and the field", async () => {
    const broken = { ...testRegion(), crisis: [{ ...shippedUs().crisis[0], phone: "call 988" }] };
    const error = await startWith(resourcesDir({ "zz.en.json": broken }));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/zz\.en\.json/);
    expect((error as Error).message).toMatch(/crisis\.0\.phone/);
  });

  it("a missing required list stops start-up naming the field", async () => {
    const { afterOpioidUse: _dropped, ...broken } = testRegion();
    const error = (await startWith(resourcesDir({ "zz.en.json": broken }))) as Error;
    expect(error.message).toMatch(/zz\.en\.json.*afterOpioidUse/);
  });

  it("a file from before the overdose page (no overdose.saferUse) stops start-up saying what to add", async () => {
    const { saferUse: _dropped, ...overdose } = testRegion().overdose;
    const error = (await startWith(resourcesDir({ "zz.en.json": { ...testRegion(), overdose } }))) as Error;
    expect(error.message).toMatch(/zz\.en\.json is invalid: overdose\.saferUse: Add saferUse/);
    expect(error.message).toMatch(/resources\/README\.md/);
  });

  it("an empty overdose.saferUse list stops start-up naming the field", async () => {
    const broken = { ...testRegion(), overdose: { ...testRegion().overdose, saferUse: [] } };
    const error = (await startWith(resourcesDir({ "zz.en.json": broken }))) as Error;
    expect(error.message).toMatch(/zz\.en\.json is invalid: overdose\.saferUse/);
  });

  it("a file that is not JSON stops start-up naming the file", async () => {
    const error = (await startWith(resourcesDir({ "zz.en.json": "{ not json" }))) as Error;
    expect(error.message).toMatch(/zz\.en\.json is not valid JSON/);
  });

  it("a file whose contents name another region stops start-up", async () => {
    const error = (await startWith(
      resourcesDir({ "zz.en.json": { ...testRegion(), region: "yy" } }),
    )) as Error;
    expect(error.message).toMatch(/zz\.en\.json.*must match the file name/);
  });

  it("a badly named file stops start-up", async () => {
    const error = (await startWith(resourcesDir({ "US-english.json": testRegion() }))) as Error;
    expect(error.message).toMatch(/US-english\.json.*us\.en\.json/);
  });

  it("no file for the default region stops start-up", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-resources-"));
    fs.writeFileSync(path.join(dir, "zz.en.json"), JSON.stringify(testRegion()));
    const error = (await startWith(dir)) as Error;
    expect(error.message).toMatch(/DEFAULT_REGION "us".*us\.en\.json/);
  });

  it("a valid extra region starts fine", async () => {
    expect(await startWith(resourcesDir({ "zz.en.json": testRegion() }))).toBeUndefined();
  });
});

describeEachDatabase("GET /api/v1/resources", (kind) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = resourcesDir({ "zz.en.json": testRegion() });
    t = await startTestApp(kind, { RESOURCES_DIR: dir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives a signed-out caller the default region's resources, with no sign-in needed", async () => {
    const response = await call(t, undefined, "GET", "/api/v1/resources");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(shippedUs());
  });

  it("gives a signed-in member the resources of their region", async () => {
    const member = await buildMember(t);
    expect((await call(t, member, "GET", "/api/v1/resources")).json().region).toBe("us");
    await t.db.updateTable("members").set({ region: "zz" }).where("id", "=", member.member.id).execute();
    // An operator's change in the database is seen once the session kept in the process is read again.
    t.clock.advance(SESSION_CACHE_MS + 1);
    const response = await call(t, member, "GET", "/api/v1/resources");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(testRegion());
  });

  it("falls back to the default region when the member's region has no file", async () => {
    const member = await buildMember(t);
    await t.db.updateTable("members").set({ region: "qq" }).where("id", "=", member.member.id).execute();
    expect((await call(t, member, "GET", "/api/v1/resources")).json().region).toBe("us");
  });

  it("never answers 401: an unknown or expired session still gets help", async () => {
    const forged = await t.app.inject({
      method: "GET",
      url: "/api/v1/resources",
      headers: { cookie: "cairn_session=not-a-real-session" },
    });
    expect(forged.statusCode).toBe(200);
    expect(forged.json().region).toBe("us");
  });
});
