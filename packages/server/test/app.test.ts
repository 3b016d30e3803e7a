/**
 * The application as a whole: health, unknown paths, body limits, the API document, CSRF defence, security
 * headers, logs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, call } from "./factories.ts";
import { describeEachDatabase, sessionCookie, startTestApp, type TestApp, TestClock } from "./harness.ts";

async function memberCount(t: TestApp): Promise<number> {
  const row = await t.db
    .selectFrom("members")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const signupBody = { username: "csrf_target", password: "a steady path 42" };

describeEachDatabase("app", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it("GET /healthz answers ok after reaching the database", async () => {
    const response = await t.app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  describe("unknown paths and methods", () => {
    it("answers an unknown /api path with a JSON 404", async () => {
      for (const method of ["GET", "POST"] as const) {
        const response = await t.app.inject({ method, url: "/api/v1/no-such-thing" });
        expect(response.statusCode).toBe(404);
        expect(response.headers["content-type"]).toMatch(/^application\/json/);
        expect(response.json().error.code).toBe("not_found");
      }
    });

    it("answers a wrong method on a known path with a JSON 405 and Allow", async () => {
      const put = await t.app.inject({ method: "PUT", url: "/api/v1/me" });
      expect(put.statusCode).toBe(405);
      expect(put.json().error.code).toBe("method_not_allowed");
      expect(put.headers.allow).toContain("GET");
      expect(put.headers.allow).toContain("PATCH");
      const get = await t.app.inject({ method: "GET", url: "/api/v1/auth/login" });
      expect(get.statusCode).toBe(405);
      expect(get.headers.allow).toBe("POST");
    });

    it("refuses a body over 64 KiB with 413 and writes nothing", async () => {
      const before = await memberCount(t);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/signup",
        payload: { username: "big_body", password: "x".repeat(70 * 1024) },
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe("payload_too_large");
      expect(await memberCount(t)).toBe(before);
    });
  });

  it("GET /api/v1/openapi.json documents the auth and me paths from the zod schemas", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ["signup", "login", "logout", "recover", "password"]) {
      expect(doc.paths[`/api/v1/auth/${path}`]?.post, path).toBeDefined();
    }
    expect(Object.keys(doc.paths["/api/v1/me"]).sort()).toEqual(["get", "patch"]);
    const signup = doc.paths["/api/v1/auth/signup"].post;
    const requestSchema = signup.requestBody.content["application/json"].schema;
    expect(Object.keys(requestSchema.properties).sort()).toEqual(["password", "username"]);
    expect(requestSchema.additionalProperties).toBe(false);
    expect(signup.responses["201"].content["application/json"].schema.properties).toHaveProperty(
      "recoveryCodes",
    );
    expect(signup.responses["409"]).toBeDefined();
    expect(doc.paths["/api/v1/me"].get.security).toEqual([{ session: [] }]);
    expect(doc.components.securitySchemes.session).toMatchObject({ in: "cookie", name: "cairn_session" });
  });

  describe("cross-site request forgery", () => {
    it("refuses a POST from another origin with 403 and writes nothing", async () => {
      const before = await memberCount(t);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/signup",
        headers: { origin: "https://evil.example" },
        payload: signupBody,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("forbidden");
      expect(response.cookies).toHaveLength(0);
      expect(await memberCount(t)).toBe(before);
    });

    it("refuses a signed-in member's PATCH from another origin, leaving the profile unchanged", async () => {
      const member = await buildMember(t);
      for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }]) {
        const response = await t.app.inject({
          method: "PATCH",
          url: "/api/v1/me",
          headers: { ...headers, cookie: member.cookie },
          payload: { timezone: "Asia/Tokyo" },
        });
        expect(response.statusCode).toBe(403);
      }
      expect((await call(t, member, "GET", "/api/v1/me")).json().member.timezone).toBe("UTC");
    });

    it("refuses a cross-site sign-out, so the session survives", async () => {
      const member = await buildMember(t);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/logout",
        headers: { cookie: member.cookie, "sec-fetch-site": "cross-site" },
      });
      expect(response.statusCode).toBe(403);
      expect((await call(t, member, "GET", "/api/v1/me")).statusCode).toBe(200);
    });

    it("accepts a POST whose Origin is this site", async () => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/signup",
        headers: {
          origin: "http://cairn.test:8080",
          host: "cairn.test:8080",
          "sec-fetch-site": "same-origin",
        },
        payload: { username: "same_origin_ok", password: "a steady path 42" },
      });
      expect(response.statusCode).toBe(201);
    });

    it.each([
      ["text/plain", JSON.stringify(signupBody)],
      ["application/x-www-form-urlencoded", "username=csrf_target&password=a+steady+path+42"],
      [
        "multipart/form-data; boundary=x",
        '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nabc\r\n--x--',
      ],
    ])("refuses a %s body with 415 and writes nothing", async (contentType, payload) => {
      const before = await memberCount(t);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/signup",
        headers: { "content-type": contentType },
        payload,
      });
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe("unsupported_media_type");
      expect(await memberCount(t)).toBe(before);
    });
  });
});

/** The strict page policy: this origin only, no third party, no framing, no plugins. */
const PAGE_CSP =
  "default-src 'self';script-src 'self' 'wasm-unsafe-eval';style-src 'self';img-src 'self' data:;font-src 'self';" +
  "connect-src 'self';manifest-src 'self';worker-src 'self';object-src 'none';frame-src 'none';" +
  "frame-ancestors 'none';base-uri 'none';form-action 'self'";

describeEachDatabase("security headers", (kind) => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-web-"));
    fs.writeFileSync(path.join(webDir, "index.html"), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(webDir, "app.js"), "export {};");
    t = await startTestApp(kind, { WEB_DIST_DIR: webDir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it.each(["/", "/history", "/app.js"])("gives the page or file %s the full strict set", async (url) => {
    const response = await t.app.inject({ method: "GET", url });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      "content-security-policy": PAGE_CSP,
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
      "origin-agent-cluster": "?1",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
      "x-frame-options": "SAMEORIGIN",
      "x-permitted-cross-domain-policies": "none",
      "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    });
    expect(String(response.headers["content-security-policy"])).not.toMatch(/https?:|\*/);
  });

  it("gives JSON answers under /api, errors included, the headers that matter for JSON", async () => {
    const member = await buildMember(t);
    for (const response of [
      await call(t, member, "GET", "/api/v1/me"),
      await t.app.inject({ method: "GET", url: "/api/v1/me" }),
      await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" }),
    ]) {
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.headers).toMatchObject({
        "cache-control": "no-store",
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
        "cross-origin-resource-policy": "same-origin",
        "x-content-type-options": "nosniff",
      });
      expect(response.headers["strict-transport-security"]).toBeUndefined();
    }
  });
});

describeEachDatabase("security headers behind https", (kind) => {
  it("adds HSTS and upgrade-insecure-requests when PUBLIC_URL is https", async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-web-"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html>");
    const t = await startTestApp(kind, { PUBLIC_URL: "https://cairn.example.org", WEB_DIST_DIR: webDir });
    try {
      const page = await t.app.inject({ method: "GET", url: "/" });
      const api = await t.app.inject({ method: "GET", url: "/api/v1/me" });
      for (const response of [page, api]) {
        expect(response.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
      }
      expect(page.headers["content-security-policy"]).toBe(`${PAGE_CSP};upgrade-insecure-requests`);
    } finally {
      await t.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });
});

describeEachDatabase("app behind PUBLIC_URL", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { PUBLIC_URL: "https://cairn.example.org" });
  });
  afterAll(async () => {
    await t.close();
  });

  it("accepts only the public origin on state-changing requests", async () => {
    const post = (origin: string, username: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/auth/signup",
        headers: { origin },
        payload: { username, password: "a steady path 42" },
      });
    expect((await post("http://cairn.example.org", "plain_http")).statusCode).toBe(403);
    expect((await post("https://cairn.example.org.evil.example", "lookalike")).statusCode).toBe(403);
    expect((await post("https://cairn.example.org", "the_real_site")).statusCode).toBe(201);
  });
});

describeEachDatabase("logs", (kind) => {
  it("hold one line per request, with method, path, status and time, and no headers", async () => {
    const lines: string[] = [];
    const t = await startTestApp(kind, { LOG_LEVEL: "info" }, new TestClock(), {
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      const member = await buildMember(t);
      lines.length = 0;
      await call(t, member, "GET", "/api/v1/me");
      await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
      const entries = lines.map((line) => JSON.parse(line));
      expect(entries).toHaveLength(2);
      expect(entries.map((e) => [e.msg, e.method, e.url, e.statusCode])).toEqual([
        ["request completed", "GET", "/api/v1/me", 200],
        ["request completed", "GET", "/api/v1/nothing-here", 404],
      ]);
      for (const entry of entries) {
        expect(typeof entry.responseTime).toBe("number");
        expect(entry.reqId).toBeDefined();
        expect(JSON.stringify(entry)).not.toMatch(/cookie|cairn_session/i);
      }
    } finally {
      await t.close();
    }
  });

  it("never contain a password, a session token or a recovery code", async () => {
    const lines: string[] = [];
    const t = await startTestApp(kind, { LOG_LEVEL: "trace" }, new TestClock(), {
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      const secrets: string[] = [];
      const password = "correct horse battery staple 1";
      const member = await buildMember(t, { username: "log_watcher", password });
      secrets.push(password, member.cookie.split("=")[1] as string);
      for (const code of member.recoveryCodes) secrets.push(code, code.replaceAll("-", ""));

      const login = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "log_watcher", password },
      });
      secrets.push(sessionCookie(login).split("=")[1] as string);
      const wrong = "wrong password for the log test";
      secrets.push(wrong);
      await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "log_watcher", password: wrong },
      });

      const changed = "a new password for the logs 2";
      secrets.push(changed);
      const change = await call(t, member, "POST", "/api/v1/auth/password", {
        currentPassword: password,
        newPassword: changed,
      });
      expect(change.statusCode).toBe(204);

      const recovered = "recovered password for logs 3";
      secrets.push(recovered);
      const recover = await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/recover",
        payload: { username: "log_watcher", recoveryCode: member.recoveryCodes[0], newPassword: recovered },
      });
      expect(recover.statusCode).toBe(200);
      secrets.push(sessionCookie(recover).split("=")[1] as string);
      await call(t, { ...member, cookie: sessionCookie(recover) }, "GET", "/api/v1/me");

      const text = lines.join("");
      // Logging was on: the requests above were logged.
      expect(text).toContain("/api/v1/auth/login");
      for (const secret of secrets) expect(text, `log mentions ${secret.slice(0, 4)}…`).not.toContain(secret);
    } finally {
      await t.close();
    }
  });
});
