import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, call, type TestMember } from "../../../test/factories.ts";
import { describeEachDatabase, sessionCookie, startTestApp, type TestApp } from "../../../test/harness.ts";
import { ACCOUNT_WIDE_FACTOR } from "./login-limiter.ts";

const GENERIC_401 = "That username and password don't match";
const WINDOW_MS = 15 * 60_000;

let addressCounter = 0;
/** A fresh client address per use, so one test's failures never count against another's. */
function freshAddress(): string {
  addressCounter += 1;
  return `10.1.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
}

function post(
  t: TestApp,
  url: string,
  payload: unknown,
  options: { address?: string; cookie?: string } = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: "POST",
    url,
    payload: payload as Record<string, unknown>,
    remoteAddress: options.address ?? freshAddress(),
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
}

function login(t: TestApp, username: string, password: string, address?: string) {
  return post(t, "/api/v1/auth/login", { username, password }, address ? { address } : {});
}

async function countRows(t: TestApp, table: "members" | "recovery_codes" | "sessions"): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const me = (t: TestApp, cookie: string) =>
  t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });

describeEachDatabase("auth", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  describe("POST /api/v1/auth/signup", () => {
    it("creates the member, answers 201 with ten recovery codes and signs them in", async () => {
      const response = await post(t, "/api/v1/auth/signup", {
        username: "River.Stone",
        password: "a steady path 42",
      });
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(Object.keys(body).sort()).toEqual(["member", "recoveryCodes"]);
      expect(body.member).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        username: "River.Stone",
        displayName: null,
        timezone: "UTC",
        region: "us",
        reasons: [],
        createdAt: "2026-12-03T15:00:00.000Z",
      });
      expect(body.recoveryCodes).toHaveLength(10);
      expect(new Set(body.recoveryCodes).size).toBe(10);
      for (const code of body.recoveryCodes) {
        expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
      }
      expect(response.headers["cache-control"]).toBe("no-store");

      const signedIn = await me(t, sessionCookie(response));
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.json().member.id).toBe(body.member.id);
    });

    it("limits sign-ups per address (taken names count, refused passwords do not): then 429 until the window passes", async () => {
      const limited = await startTestApp(kind, { SIGNUPS_PER_ADDRESS: "3" });
      try {
        const address = freshAddress();
        const signup = (username: string, password = "a steady path 42") =>
          post(limited, "/api/v1/auth/signup", { username, password }, { address });
        expect((await signup("first_one")).statusCode).toBe(201);
        expect((await signup("first_one")).statusCode).toBe(409);
        expect((await signup("second_one", "password")).statusCode).toBe(422);
        expect((await signup("second_one")).statusCode).toBe(201);
        const blocked = await signup("third_one");
        expect(blocked.statusCode).toBe(429);
        expect(blocked.json().error.code).toBe("rate_limited");
        expect(await countRows(limited, "members")).toBe(2);
        // Another address is not affected.
        expect(
          (
            await post(limited, "/api/v1/auth/signup", {
              username: "third_one",
              password: "a steady path 42",
            })
          ).statusCode,
        ).toBe(201);
        limited.clock.advance(WINDOW_MS + 1000);
        expect((await signup("fourth_one")).statusCode).toBe(201);
      } finally {
        await limited.close();
      }
    });

    it("stores the password as argon2id with m=19456,t=2,p=1 and never in clear", async () => {
      const member = await buildMember(t, { password: "lanterns by the river" });
      const row = await t.db
        .selectFrom("members")
        .select("password_hash")
        .where("id", "=", member.member.id)
        .executeTakeFirstOrThrow();
      expect(row.password_hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
      expect(row.password_hash).not.toContain("lanterns");
    });

    it("stores the recovery codes only as hashes", async () => {
      const member = await buildMember(t);
      const rows = await t.db
        .selectFrom("recovery_codes")
        .selectAll()
        .where("member_id", "=", member.member.id)
        .execute();
      expect(rows).toHaveLength(10);
      const stored = JSON.stringify(rows);
      for (const code of member.recoveryCodes) {
        expect(stored).not.toContain(code);
        expect(stored).not.toContain(code.replaceAll("-", ""));
      }
      for (const row of rows) {
        expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(row.used_at).toBeNull();
      }
    });

    it("refuses a username already taken in any letter case with 409 naming username, writing nothing", async () => {
      await buildMember(t, { username: "Quiet_Harbor" });
      const before = await countRows(t, "members");
      const response = await post(t, "/api/v1/auth/signup", {
        username: "quiet_harbor",
        password: "another fine path 7",
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe("conflict");
      expect(response.json().error.fields).toHaveProperty("username");
      expect(await countRows(t, "members")).toBe(before);
    });

    const badSignups: [string, unknown, number, string][] = [
      ["a missing username", { password: "a steady path 42" }, 400, "username"],
      ["a missing password", { username: "newcomer1" }, 400, "password"],
      ["a username that is not text", { username: 12345, password: "a steady path 42" }, 400, "username"],
      ["a password that is not text", { username: "newcomer2", password: 12345678 }, 400, "password"],
      ["a password shorter than 8", { username: "newcomer3", password: "short7!" }, 400, "password"],
      ["a password longer than 256", { username: "newcomer4", password: "x".repeat(257) }, 400, "password"],
      [
        "a username with spaces or symbols",
        { username: "new comer!", password: "a steady path 42" },
        400,
        "username",
      ],
      ["a username shorter than 3", { username: "ab", password: "a steady path 42" }, 400, "username"],
      [
        "a username longer than 32",
        { username: "a".repeat(33), password: "a steady path 42" },
        400,
        "username",
      ],
      [
        "an unknown extra field",
        { username: "newcomer5", password: "a steady path 42", isAdmin: true },
        400,
        "isAdmin",
      ],
      ["one of the most common passwords", { username: "newcomer6", password: "password1" }, 422, "password"],
      [
        "a common password in other letter case",
        { username: "newcomer7", password: "Iloveyou" },
        422,
        "password",
      ],
      [
        "a password equal to the username",
        { username: "Newcomer_88", password: "newcomer_88" },
        422,
        "password",
      ],
      ["a body that is not an object", ["newcomer9", "a steady path 42"], 400, "body"],
    ];
    it.each(badSignups)(
      "refuses %s, naming the field and writing nothing",
      async (_name, body, status, field) => {
        const [members, codes, sessions] = await Promise.all([
          countRows(t, "members"),
          countRows(t, "recovery_codes"),
          countRows(t, "sessions"),
        ]);
        const response = await post(t, "/api/v1/auth/signup", body);
        expect(response.statusCode).toBe(status);
        expect(response.json().error.code).toBe("invalid_input");
        expect(Object.keys(response.json().error.fields)).toContain(field);
        expect(response.cookies).toHaveLength(0);
        expect(await countRows(t, "members")).toBe(members);
        expect(await countRows(t, "recovery_codes")).toBe(codes);
        expect(await countRows(t, "sessions")).toBe(sessions);
      },
    );

    it("explains a common password in plain words", async () => {
      const response = await post(t, "/api/v1/auth/signup", {
        username: "newcomer10",
        password: "qwertyuiop",
      });
      expect(response.json().error.fields.password).toMatch(/most common/);
    });
  });

  describe("POST /api/v1/auth/login", () => {
    it("signs in with the right password in any username case and starts a new session", async () => {
      const member = await buildMember(t, { username: "Morning_Light" });
      const response = await login(t, "morning_light", member.password);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ member: member.member });
      const cookie = sessionCookie(response);
      expect(cookie).not.toBe(member.cookie);
      expect((await me(t, cookie)).statusCode).toBe(200);
    });

    it("answers an unknown username and a wrong password with the identical generic 401", async () => {
      const member = await buildMember(t);
      const wrongPassword = await login(t, member.username, "not my password at all");
      const unknownUser = await login(t, "nobody_by_that_name", "not my password at all");
      expect(wrongPassword.statusCode).toBe(401);
      expect(unknownUser.statusCode).toBe(401);
      expect(wrongPassword.body).toBe(unknownUser.body);
      expect(wrongPassword.json().error.message).toBe(GENERIC_401);
      expect(wrongPassword.cookies).toHaveLength(0);
      expect(unknownUser.cookies).toHaveLength(0);
    });

    it("names the field when the username or password is missing", async () => {
      const response = await post(t, "/api/v1/auth/login", { username: "someone" });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty("password");
      const extra = await post(t, "/api/v1/auth/login", {
        username: "someone",
        password: "x",
        remember: true,
      });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().error.fields).toHaveProperty("remember");
    });

    it("limits failures per account and address: after 5 the right password from there gets 429 until the window passes", async () => {
      const member = await buildMember(t);
      const stranger = freshAddress();
      for (let i = 0; i < 5; i++) {
        expect((await login(t, member.username, `wrong guess ${i}`, stranger)).statusCode).toBe(401);
      }
      const blocked = await login(t, member.username, member.password, stranger);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.message).toContain(GENERIC_401);
      expect(blocked.json().error.message).toContain("try again in a few minutes");
      expect(blocked.cookies).toHaveLength(0);
      // A stranger's guesses never lock the owner out: from the owner's own address the password works.
      expect((await login(t, member.username, member.password)).statusCode).toBe(200);

      t.clock.advance(WINDOW_MS + 1000);
      expect((await login(t, member.username, member.password, stranger)).statusCode).toBe(200);
    });

    it(`limits failures per account across addresses: after 5 × ${ACCOUNT_WIDE_FACTOR} even the owner gets 429`, async () => {
      const member = await buildMember(t);
      for (let i = 0; i < 5 * ACCOUNT_WIDE_FACTOR; i++) {
        expect((await login(t, member.username, `wrong guess ${i}`)).statusCode).toBe(401);
      }
      expect((await login(t, member.username, member.password)).statusCode).toBe(429);
      t.clock.advance(WINDOW_MS + 1000);
      expect((await login(t, member.username, member.password)).statusCode).toBe(200);
    });

    it("limits an unknown username exactly like a known one, so the 429 reveals nothing", async () => {
      const member = await buildMember(t);
      const address = freshAddress();
      for (let i = 0; i < 5; i++) {
        await login(t, member.username, `wrong guess ${i}`, address);
        await login(t, "ghost_of_nobody", `wrong guess ${i}`, address);
      }
      const known = await login(t, member.username, "one more guess", address);
      const unknown = await login(t, "ghost_of_nobody", "one more guess", address);
      expect(known.statusCode).toBe(429);
      expect(known.body).toBe(unknown.body);
      t.clock.advance(WINDOW_MS + 1000);
    });

    it("clears the account's failures after a successful sign-in", async () => {
      const member = await buildMember(t);
      const address = freshAddress();
      for (let i = 0; i < 4; i++) await login(t, member.username, `wrong guess ${i}`, address);
      expect((await login(t, member.username, member.password, address)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) await login(t, member.username, `wrong again ${i}`, address);
      expect((await login(t, member.username, member.password, address)).statusCode).toBe(200);
    });

    it("limits failures per address: after 20 from one address even a right password from it gets 429", async () => {
      const address = freshAddress();
      const target = await buildMember(t);
      for (let i = 0; i < 20; i++) {
        // Spread over many usernames, so the per-account limit never applies.
        expect((await login(t, `guess_target_${i}`, "password guess", address)).statusCode).toBe(401);
      }
      const blocked = await login(t, target.username, target.password, address);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.message).toContain(GENERIC_401);
      // Another address is not affected.
      expect((await login(t, target.username, target.password, freshAddress())).statusCode).toBe(200);
      t.clock.advance(WINDOW_MS + 1000);
      expect((await login(t, target.username, target.password, address)).statusCode).toBe(200);
    });
  });

  describe("POST /api/v1/auth/logout", () => {
    it("ends this session only, clears the cookie and answers 204", async () => {
      const member = await buildMember(t);
      const other = sessionCookie(await login(t, member.username, member.password));
      const response = await post(t, "/api/v1/auth/logout", undefined, { cookie: member.cookie });
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe("");
      const cleared = response.cookies.find((c) => c.name === "cairn_session");
      expect(cleared?.value).toBe("");
      expect(cleared?.maxAge).toBe(0);
      expect((await me(t, member.cookie)).statusCode).toBe(401);
      expect((await me(t, other)).statusCode).toBe(200);
    });

    it("needs a session", async () => {
      const response = await post(t, "/api/v1/auth/logout", undefined);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe("unauthenticated");
    });
  });

  describe("POST /api/v1/auth/logout-everywhere", () => {
    it("ends every session of the member, this one too, and no one else's", async () => {
      const member = await buildMember(t);
      const someoneElse = await buildMember(t);
      const phone = sessionCookie(await login(t, member.username, member.password));
      const response = await post(t, "/api/v1/auth/logout-everywhere", undefined, { cookie: member.cookie });
      expect(response.statusCode).toBe(204);
      expect(response.cookies.find((c) => c.name === "cairn_session")?.maxAge).toBe(0);
      expect((await me(t, member.cookie)).statusCode).toBe(401);
      expect((await me(t, phone)).statusCode).toBe(401);
      expect((await me(t, someoneElse.cookie)).statusCode).toBe(200);
      // Signing in again works as before.
      expect((await login(t, member.username, member.password)).statusCode).toBe(200);
    });

    it("needs a session", async () => {
      expect((await post(t, "/api/v1/auth/logout-everywhere", undefined)).statusCode).toBe(401);
    });
  });

  describe("POST /api/v1/auth/recover", () => {
    async function recover(member: TestMember, recoveryCode: string, newPassword = "a brand new start 9") {
      return post(t, "/api/v1/auth/recover", { username: member.username, recoveryCode, newPassword });
    }

    it("sets a new password with a code, signs in, and ends every earlier session", async () => {
      const member = await buildMember(t);
      const laptop = sessionCookie(await login(t, member.username, member.password));
      const [code] = member.recoveryCodes as [string];
      // Typed back in capitals, without dashes, with spaces.
      const typed = ` ${code.replaceAll("-", " ").toUpperCase()} `;
      const response = await recover(member, typed, "a brand new start 9");
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ member: member.member, remainingRecoveryCodes: 9 });

      const fresh = sessionCookie(response);
      expect((await me(t, fresh)).statusCode).toBe(200);
      expect((await me(t, member.cookie)).statusCode).toBe(401);
      expect((await me(t, laptop)).statusCode).toBe(401);
      expect((await login(t, member.username, member.password)).statusCode).toBe(401);
      expect((await login(t, member.username, "a brand new start 9")).statusCode).toBe(200);
    });

    it("accepts each code only once", async () => {
      const member = await buildMember(t);
      const [code] = member.recoveryCodes as [string];
      expect((await recover(member, code)).statusCode).toBe(200);
      const again = await recover(member, code, "yet another new start 3");
      expect(again.statusCode).toBe(401);
      expect(again.cookies).toHaveLength(0);
      const row = await t.db
        .selectFrom("recovery_codes")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("member_id", "=", member.member.id)
        .where("used_at", "is not", null)
        .executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(1);
    });

    it("answers a wrong code, another member's code and an unknown username with the same 401", async () => {
      const member = await buildMember(t);
      const stranger = await buildMember(t);
      const wrong = await recover(member, "aaaa-bbbb-cccc-dddd");
      const strangers = await recover(member, stranger.recoveryCodes[0] as string);
      const unknown = await post(t, "/api/v1/auth/recover", {
        username: "no_such_member",
        recoveryCode: "aaaa-bbbb-cccc-dddd",
        newPassword: "a brand new start 9",
      });
      for (const response of [wrong, strangers, unknown]) expect(response.statusCode).toBe(401);
      expect(wrong.body).toBe(strangers.body);
      expect(wrong.body).toBe(unknown.body);
      expect((await login(t, member.username, member.password)).statusCode).toBe(200);
    });

    it("limits wrong codes per address: after 20 from one address even a valid code from it gets 429", async () => {
      const member = await buildMember(t);
      const address = freshAddress();
      const from = (code: string) =>
        post(
          t,
          "/api/v1/auth/recover",
          { username: member.username, recoveryCode: code, newPassword: "a brand new start 9" },
          { address },
        );
      for (let i = 0; i < 20; i++)
        expect((await from(`zzzz-zzzz-zzzz-zz${String(i).padStart(2, "0")}`)).statusCode).toBe(401);
      const blocked = await from(member.recoveryCodes[0] as string);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.message).toContain("try again in a few minutes");
      t.clock.advance(WINDOW_MS + 1000);
      expect((await from(member.recoveryCodes[0] as string)).statusCode).toBe(200);
    });

    it("lets the owner recover an account that guesses from many addresses locked, and unlocks sign-in", async () => {
      const member = await buildMember(t);
      for (let i = 0; i < 5 * ACCOUNT_WIDE_FACTOR; i++) {
        expect((await login(t, member.username, `wrong guess ${i}`)).statusCode).toBe(401);
      }
      expect((await login(t, member.username, member.password)).statusCode).toBe(429);
      expect(
        (await recover(member, member.recoveryCodes[0] as string, "a brand new start 9")).statusCode,
      ).toBe(200);
      expect((await login(t, member.username, "a brand new start 9")).statusCode).toBe(200);
    });

    it("refuses a common new password with 422 naming newPassword and keeps the code unused", async () => {
      const member = await buildMember(t);
      const response = await recover(member, member.recoveryCodes[0] as string, "123456789");
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toHaveProperty("newPassword");
      expect((await recover(member, member.recoveryCodes[0] as string)).statusCode).toBe(200);
    });

    it.each([
      ["recoveryCode", { username: "someone", newPassword: "a brand new start 9" }],
      ["newPassword", { username: "someone", recoveryCode: "aaaa-bbbb-cccc-dddd", newPassword: "short" }],
      ["username", { recoveryCode: "aaaa-bbbb-cccc-dddd", newPassword: "a brand new start 9" }],
    ])("names %s when it is missing or invalid", async (field, body) => {
      const response = await post(t, "/api/v1/auth/recover", body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty(field);
    });
  });

  describe("POST /api/v1/auth/password", () => {
    const change = (cookie: string, body: unknown) => post(t, "/api/v1/auth/password", body, { cookie });

    it("C15: changing the password on browser B signs out browser A; B stays signed in", async () => {
      const member = await buildMember(t);
      const browserA = sessionCookie(await login(t, member.username, member.password));
      const browserB = sessionCookie(await login(t, member.username, member.password));
      const response = await change(browserB, {
        currentPassword: member.password,
        newPassword: "a different path 77",
      });
      expect(response.statusCode).toBe(204);
      expect((await me(t, browserA)).statusCode).toBe(401);
      expect((await me(t, member.cookie)).statusCode).toBe(401);
      expect((await me(t, browserB)).statusCode).toBe(200);
      expect((await login(t, member.username, member.password)).statusCode).toBe(401);
      expect((await login(t, member.username, "a different path 77")).statusCode).toBe(200);
    });

    it("refuses a wrong current password with 422 naming currentPassword and changes nothing", async () => {
      const member = await buildMember(t);
      const other = sessionCookie(await login(t, member.username, member.password));
      const before = await t.db
        .selectFrom("members")
        .select("password_hash")
        .where("id", "=", member.member.id)
        .executeTakeFirstOrThrow();
      const response = await change(member.cookie, {
        currentPassword: "not my password",
        newPassword: "a different path 77",
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toEqual({ currentPassword: expect.any(String) });
      const after = await t.db
        .selectFrom("members")
        .select("password_hash")
        .where("id", "=", member.member.id)
        .executeTakeFirstOrThrow();
      expect(after.password_hash).toBe(before.password_hash);
      expect((await me(t, other)).statusCode).toBe(200);
    });

    it("refuses a common new password or the username as the new password with 422 naming newPassword", async () => {
      const member = await buildMember(t);
      for (const newPassword of ["sunshine1", member.username.toUpperCase()]) {
        const response = await change(member.cookie, { currentPassword: member.password, newPassword });
        expect(response.statusCode).toBe(422);
        expect(response.json().error.fields).toEqual({ newPassword: expect.any(String) });
      }
    });

    it("refuses the current password as the new one with 422 naming newPassword, changing nothing and ending no session", async () => {
      const member = await buildMember(t, { password: "café on the trail 9" });
      const other = sessionCookie(await login(t, member.username, member.password));
      const hashOf = async () =>
        (
          await t.db
            .selectFrom("members")
            .select("password_hash")
            .where("id", "=", member.member.id)
            .executeTakeFirstOrThrow()
        ).password_hash;
      const before = await hashOf();
      // The same password typed with a decomposed "é" is still the same password.
      const response = await change(member.cookie, {
        currentPassword: member.password,
        newPassword: member.password.normalize("NFD"),
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toEqual({
        newPassword: "Choose a password different from your current one",
      });
      expect(await hashOf()).toBe(before);
      expect((await me(t, other)).statusCode).toBe(200);
      expect((await me(t, member.cookie)).statusCode).toBe(200);
    });

    it.each([
      ["newPassword", { currentPassword: "a steady path 42", newPassword: "short" }],
      ["newPassword", { currentPassword: "a steady path 42" }],
      ["currentPassword", { newPassword: "a different path 77" }],
      [
        "logoutOthers",
        { currentPassword: "a steady path 42", newPassword: "a different path 77", logoutOthers: 1 },
      ],
    ])("names %s when it is missing or invalid", async (field, body) => {
      const member = await buildMember(t);
      const response = await change(member.cookie, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty(field);
      expect((await login(t, member.username, member.password)).statusCode).toBe(200);
    });

    it("needs a session", async () => {
      const response = await post(t, "/api/v1/auth/password", {
        currentPassword: "a steady path 42",
        newPassword: "a different path 77",
      });
      expect(response.statusCode).toBe(401);
    });
  });

  describe("/api/v1/auth/recovery-codes", () => {
    const renew = (cookie: string, body: unknown, address?: string) =>
      post(t, "/api/v1/auth/recovery-codes", body, address ? { cookie, address } : { cookie });
    const left = async (cookie: string) => {
      const response = await t.app.inject({
        method: "GET",
        url: "/api/v1/auth/recovery-codes",
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
      return response.json().remaining as number;
    };
    const recover = (member: TestMember, recoveryCode: string, newPassword = "a brand new start 9") =>
      post(t, "/api/v1/auth/recover", { username: member.username, recoveryCode, newPassword });
    const storedCodes = (member: TestMember) =>
      t.db
        .selectFrom("recovery_codes")
        .select(["id", "code_hash", "used_at"])
        .where("member_id", "=", member.member.id)
        .orderBy("id")
        .execute();

    it("counts the unused codes", async () => {
      const member = await buildMember(t);
      expect(await left(member.cookie)).toBe(10);
      const recovered = await recover(member, member.recoveryCodes[3] as string);
      expect(recovered.statusCode).toBe(200);
      expect(await left(sessionCookie(recovered))).toBe(9);
    });

    it("replaces every code, used or not, with ten new ones that work, in an answer no cache keeps", async () => {
      const member = await buildMember(t);
      const recovered = await recover(member, member.recoveryCodes[0] as string, "a brand new start 9");
      const cookie = sessionCookie(recovered);

      const response = await renew(cookie, { currentPassword: "a brand new start 9" });
      expect(response.statusCode).toBe(200);
      expect(response.headers["cache-control"]).toBe("no-store");
      const body = response.json();
      expect(Object.keys(body)).toEqual(["recoveryCodes"]);
      expect(body.recoveryCodes).toHaveLength(10);
      expect(new Set([...body.recoveryCodes, ...member.recoveryCodes]).size).toBe(20);
      for (const code of body.recoveryCodes) {
        expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
      }
      const rows = await storedCodes(member);
      expect(rows).toHaveLength(10);
      expect(rows.every((row) => row.used_at === null)).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(body.recoveryCodes[0]);
      expect(await left(cookie)).toBe(10);
      // The session that asked stays signed in.
      expect((await me(t, cookie)).statusCode).toBe(200);

      for (const old of member.recoveryCodes.slice(0, 2)) {
        expect((await recover(member, old, "an old code tries 5")).statusCode).toBe(401);
      }
      const withNew = await recover(member, body.recoveryCodes[7], "a fresh code works 6");
      expect(withNew.statusCode).toBe(200);
      expect(withNew.json().remainingRecoveryCodes).toBe(9);
    });

    it("refuses a wrong current password with 422 naming currentPassword and writes nothing", async () => {
      const member = await buildMember(t);
      const before = await storedCodes(member);
      const response = await renew(member.cookie, { currentPassword: "not my password" });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toEqual({ currentPassword: expect.any(String) });
      expect(response.body).not.toMatch(/recoveryCodes/);
      expect(await storedCodes(member)).toEqual(before);
      expect((await recover(member, member.recoveryCodes[0] as string)).statusCode).toBe(200);
    });

    it("counts wrong current passwords like a password change: after 5, even the right one gets 429", async () => {
      const member = await buildMember(t);
      const address = freshAddress();
      for (let i = 0; i < 3; i++) {
        const wrong = await renew(member.cookie, { currentPassword: `wrong guess ${i}` }, address);
        expect(wrong.statusCode).toBe(422);
      }
      for (let i = 0; i < 2; i++) {
        const changed = await post(
          t,
          "/api/v1/auth/password",
          { currentPassword: `wrong again ${i}`, newPassword: "a different path 77" },
          { cookie: member.cookie, address },
        );
        expect(changed.statusCode).toBe(422);
      }
      const before = await storedCodes(member);
      const blocked = await renew(member.cookie, { currentPassword: member.password }, address);
      expect(blocked.statusCode).toBe(429);
      expect(await storedCodes(member)).toEqual(before);
      t.clock.advance(WINDOW_MS + 1000);
      expect((await renew(member.cookie, { currentPassword: member.password }, address)).statusCode).toBe(
        200,
      );
    });

    it("leaves exactly one new set when two renewals race", async () => {
      const member = await buildMember(t);
      const [a, b] = await Promise.all([
        renew(member.cookie, { currentPassword: member.password }),
        renew(member.cookie, { currentPassword: member.password }),
      ]);
      expect([a?.statusCode, b?.statusCode]).toEqual([200, 200]);
      expect(await storedCodes(member)).toHaveLength(10);
    });

    it.each([
      ["currentPassword", {}],
      ["currentPassword", { currentPassword: "" }],
      ["newPassword", { currentPassword: "a steady path 42", newPassword: "a different path 77" }],
    ])("names %s when it is missing, empty or not expected, and writes nothing", async (field, body) => {
      const member = await buildMember(t);
      const before = await storedCodes(member);
      const response = await renew(member.cookie, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty(field);
      expect(await storedCodes(member)).toEqual(before);
    });

    it("needs a session, to count or to replace", async () => {
      const member = await buildMember(t);
      const before = await storedCodes(member);
      const replaced = await post(t, "/api/v1/auth/recovery-codes", { currentPassword: member.password });
      const counted = await t.app.inject({ method: "GET", url: "/api/v1/auth/recovery-codes" });
      for (const response of [replaced, counted]) {
        expect(response.statusCode).toBe(401);
        expect(response.json().error.code).toBe("unauthenticated");
      }
      expect(await storedCodes(member)).toEqual(before);
    });
  });

  it("never sends the password hash or the session token in a body", async () => {
    const member = await buildMember(t);
    const responses = [
      await login(t, member.username, member.password),
      await call(t, member, "GET", "/api/v1/me"),
      await call(t, member, "PATCH", "/api/v1/me", { displayName: "Sam" }),
    ];
    const row = await t.db
      .selectFrom("members")
      .select("password_hash")
      .where("id", "=", member.member.id)
      .executeTakeFirstOrThrow();
    for (const response of responses) {
      expect(response.body).not.toContain(row.password_hash);
      expect(response.body).not.toContain("password");
      expect(response.body).not.toContain(member.cookie.split("=")[1]);
    }
  });
});
