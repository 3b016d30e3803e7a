import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { buildMember, call, type TestMember } from "../../../test/factories.ts";
import { describeEachDatabase, sessionCookie, startTestApp, type TestApp } from "../../../test/harness.ts";
import { SESSION_CACHE_MS } from "./session-cache.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

describeEachDatabase("sessions", (kind) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function signup(app: TestApp) {
    return app.app.inject({
      method: "POST",
      url: "/api/v1/auth/signup",
      payload: { username: "cookie_check", password: "a steady path 42" },
    });
  }

  describe("the cookie", () => {
    it("is HttpOnly, SameSite=Lax, for the whole site, lasts the absolute timeout, and is not Secure over http", async () => {
      t = await startTestApp(kind);
      const cookie = (await signup(t)).cookies.find((c) => c.name === "cairn_session");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", maxAge: 60 * 24 * 60 * 60 });
      expect(cookie?.secure).toBeUndefined();
    });

    it("is Secure whenever PUBLIC_URL is https", async () => {
      t = await startTestApp(kind, { PUBLIC_URL: "https://cairn.example.org" });
      const response = await signup(t);
      expect(response.statusCode).toBe(201);
      const cookie = response.cookies.find((c) => c.name === "cairn_session");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
      expect(String(response.headers["set-cookie"])).toMatch(/; Secure/);
    });

    it("holds a random token of at least 128 bits that the database keeps only as its SHA-256", async () => {
      t = await startTestApp(kind);
      const token = (await signup(t)).cookies.find((c) => c.name === "cairn_session")?.value ?? "";
      expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
      const rows = await t.db.selectFrom("sessions").selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows[0]?.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    });
  });

  describe("timeouts", () => {
    it("ends a session unused for longer than the idle timeout (14 days by default)", async () => {
      t = await startTestApp(kind);
      const member = await buildMember(t);
      t.clock.advance(14 * DAY_MS - 60_000);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(200);
      t.clock.advance(14 * DAY_MS + 1000);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(401);
      // The expired session is removed, not merely refused.
      expect(await t.db.selectFrom("sessions").selectAll().execute()).toHaveLength(0);
    });

    it("ends a session 60 days after sign-in by default, however often it is used", async () => {
      t = await startTestApp(kind);
      const member = await buildMember(t);
      for (let day = 10; day <= 60; day += 10) {
        t.clock.advance(10 * DAY_MS);
        expect((await call(t, member, "GET", "/api/v1/me")).statusCode, `day ${day}`).toBe(200);
      }
      t.clock.advance(1000);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(401);
    });

    it("follows SESSION_IDLE_DAYS and SESSION_MAX_DAYS", async () => {
      t = await startTestApp(kind, { SESSION_IDLE_DAYS: "1", SESSION_MAX_DAYS: "3" });
      const idle = await buildMember(t);
      const busy = await buildMember(t);
      for (let hour = 20; hour <= 72; hour += 20) {
        t.clock.advance(20 * 60 * 60 * 1000);
        expect((await call(t, busy, "GET", "/api/v1/me")).statusCode, `hour ${hour}`).toBe(200);
      }
      // `idle` was last used 60 hours ago: past its 1-day idle limit.
      expect((await call(t, idle, "GET", "/api/v1/me")).statusCode).toBe(401);
      t.clock.advance(24 * 60 * 60 * 1000 - 60_000);
      // 84 hours after sign-in: past the 3-day absolute limit although last used under a day ago.
      expect((await call(t, busy, "GET", "/api/v1/me")).statusCode).toBe(401);
    });
  });

  describe("kept in the process for a few seconds (one instance)", () => {
    async function secondDevice(app: TestApp, member: TestMember): Promise<TestMember> {
      const response = await app.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: member.username, password: member.password },
      });
      expect(response.statusCode).toBe(200);
      return { ...member, cookie: sessionCookie(response) };
    }

    it("refuses a signed-out session on the very next request, though it was just used", async () => {
      t = await startTestApp(kind);
      const member = await buildMember(t);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(200);
      expect((await call(t, member, "POST", "/api/v1/auth/logout")).statusCode).toBe(204);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(401);
    });

    it("refuses the member's other sessions at once after a password change, and keeps the one that changed it", async () => {
      t = await startTestApp(kind);
      const phone = await buildMember(t);
      const laptop = await secondDevice(t, phone);
      expect((await call(t, laptop, "GET", "/api/v1/me")).statusCode).toBe(200);
      const changed = await call(t, phone, "POST", "/api/v1/auth/password", {
        currentPassword: phone.password,
        newPassword: "a new steady path 43",
      });
      expect(changed.statusCode).toBe(204);
      expect((await call(t, laptop, "GET", "/api/v1/me")).statusCode).toBe(401);
      expect((await call(t, phone, "GET", "/api/v1/me")).statusCode).toBe(200);
    });

    it("refuses every session at once after an account recovery with a code", async () => {
      t = await startTestApp(kind);
      const member = await buildMember(t);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(200);
      const recovered = await call(t, undefined, "POST", "/api/v1/auth/recover", {
        username: member.username,
        recoveryCode: member.recoveryCodes[0],
        newPassword: "a new steady path 43",
      });
      expect(recovered.statusCode).toBe(200);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(401);
    });

    it("answers with the member's new time zone on the very next request", async () => {
      t = await startTestApp(kind);
      const member = await buildMember(t);
      expect((await call(t, member, "GET", "/api/v1/progress")).json()).toMatchObject({ timezone: "UTC" });
      await call(t, member, "PATCH", "/api/v1/me", { timezone: "Pacific/Auckland" });
      expect((await call(t, member, "GET", "/api/v1/progress")).json()).toMatchObject({
        timezone: "Pacific/Auckland",
      });
    });

    it("still writes last-seen once a minute of use, so the idle timeout counts from the last use", async () => {
      t = await startTestApp(kind);
      const member = await buildMember(t);
      const lastSeen = async () =>
        (await t?.db.selectFrom("sessions").select("last_seen_at").executeTakeFirst())?.last_seen_at;
      const signedIn = await lastSeen();
      t.clock.advance(61_000);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(200);
      const touched = await lastSeen();
      expect(touched).not.toBe(signedIn);
      t.clock.advance(SESSION_CACHE_MS - 1000);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(200);
      expect(await lastSeen()).toBe(touched);
    });

    it("trusts a found session for a few seconds only: one removed behind the server's back is refused after that", async () => {
      t = await startTestApp(kind);
      const member = await buildMember(t);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(200);
      await t.db.deleteFrom("sessions").execute();
      // Every way Cairn ends a session drops the cached copy (above); a row deleted by hand is seen this late.
      t.clock.advance(SESSION_CACHE_MS - 1000);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(200);
      t.clock.advance(1001);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(401);
    });
  });
});
