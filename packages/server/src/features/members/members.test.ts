import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, call } from "../../../test/factories.ts";
import { describeEachDatabase, startTestApp, type TestApp } from "../../../test/harness.ts";

async function memberRow(t: TestApp, id: string) {
  return t.db.selectFrom("members").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describeEachDatabase("members", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  describe("GET /api/v1/me", () => {
    it("shows the signed-in member exactly the fields of memberSchema", async () => {
      const member = await buildMember(t);
      const response = await call(t, member, "GET", "/api/v1/me");
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ member: member.member });
      expect(Object.keys(response.json().member).sort()).toEqual(
        ["createdAt", "displayName", "id", "reasons", "region", "timezone", "username"].sort(),
      );
    });

    it("answers 401 without a session or with a made-up one", async () => {
      expect((await call(t, undefined, "GET", "/api/v1/me")).statusCode).toBe(401);
      const forged = await t.app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: { cookie: "cairn_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
      });
      expect(forged.statusCode).toBe(401);
      expect(forged.json().error.code).toBe("unauthenticated");
    });
  });

  describe("PATCH /api/v1/me", () => {
    it("changes the time zone, display name and reasons, and keeps them", async () => {
      const member = await buildMember(t);
      const response = await call(t, member, "PATCH", "/api/v1/me", {
        timezone: "America/New_York",
        displayName: "  Sam  ",
        reasons: ["My daughter", "To feel well again"],
      });
      expect(response.statusCode).toBe(200);
      const expected = {
        ...member.member,
        timezone: "America/New_York",
        displayName: "Sam",
        reasons: ["My daughter", "To feel well again"],
      };
      expect(response.json()).toEqual({ member: expected });
      expect((await call(t, member, "GET", "/api/v1/me")).json()).toEqual({ member: expected });
    });

    it("changes only the fields sent; null clears the display name and [] clears the reasons", async () => {
      const member = await buildMember(t, { timezone: "Europe/Madrid" });
      await call(t, member, "PATCH", "/api/v1/me", { displayName: "Ana", reasons: ["Health"] });
      const cleared = await call(t, member, "PATCH", "/api/v1/me", { displayName: null, reasons: [] });
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json().member).toMatchObject({
        timezone: "Europe/Madrid",
        displayName: null,
        reasons: [],
      });
      expect((await memberRow(t, member.member.id)).reasons_enc).toBeNull();
    });

    it("stores reasons encrypted: the text appears nowhere in the members table", async () => {
      const member = await buildMember(t);
      const secret = "Stay alive for Maribel and the garden";
      await call(t, member, "PATCH", "/api/v1/me", { reasons: [secret] });
      const row = await memberRow(t, member.member.id);
      expect(row.reasons_enc).toMatch(/^v1\./);
      const everything = JSON.stringify(await t.db.selectFrom("members").selectAll().execute());
      expect(everything).not.toContain("Maribel");
      expect((await call(t, member, "GET", "/api/v1/me")).json().member.reasons).toEqual([secret]);

      if (kind === "sqlite") {
        // The database file and its write-ahead log, byte for byte.
        const files = fs.readdirSync(t.dataDir).filter((name) => name.startsWith("cairn.sqlite"));
        expect(files.length).toBeGreaterThan(0);
        for (const name of files) {
          const bytes = fs.readFileSync(path.join(t.dataDir, name));
          expect(bytes.includes(Buffer.from("Maribel"))).toBe(false);
        }
      }
    });

    it("binds the reasons to their member: a copy in another member's row does not decrypt for them", async () => {
      const owner = await buildMember(t);
      const other = await buildMember(t);
      await call(t, owner, "PATCH", "/api/v1/me", { reasons: ["private reason"] });
      const { reasons_enc } = await memberRow(t, owner.member.id);
      await t.db.updateTable("members").set({ reasons_enc }).where("id", "=", other.member.id).execute();
      const response = await call(t, other, "GET", "/api/v1/me");
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain("private reason");
      await t.db
        .updateTable("members")
        .set({ reasons_enc: null })
        .where("id", "=", other.member.id)
        .execute();
    });

    const badPatches: [string, unknown, string][] = [
      ["a made-up time zone", { timezone: "Mars/Base" }, "timezone"],
      ["an offset instead of a zone name", { timezone: "+02:00" }, "timezone"],
      ["a time zone that is not text", { timezone: 2 }, "timezone"],
      ["a display name longer than 40", { displayName: "n".repeat(41) }, "displayName"],
      ["an empty display name", { displayName: "   " }, "displayName"],
      ["a reason longer than 300", { reasons: ["r".repeat(301)] }, "reasons.0"],
      ["more than 10 reasons", { reasons: Array.from({ length: 11 }, (_, i) => `reason ${i}`) }, "reasons"],
      ["reasons that are not a list", { reasons: "health" }, "reasons"],
      ["an unknown extra field", { timezone: "Europe/Paris", passwordHash: "x" }, "passwordHash"],
      ["an attempt to change the username", { username: "someone_else" }, "username"],
      ["an empty change", {}, "body"],
    ];
    it.each(badPatches)(
      "refuses %s with 400 naming the field, changing nothing",
      async (_name, body, field) => {
        const member = await buildMember(t);
        const before = await memberRow(t, member.member.id);
        const response = await call(t, member, "PATCH", "/api/v1/me", body);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe("invalid_input");
        expect(Object.keys(response.json().error.fields)).toContain(field);
        expect(await memberRow(t, member.member.id)).toEqual(before);
      },
    );

    it("needs a session", async () => {
      const response = await call(t, undefined, "PATCH", "/api/v1/me", { timezone: "Europe/Paris" });
      expect(response.statusCode).toBe(401);
    });
  });

  describe("a stranger", () => {
    it("only ever sees and changes themself through /me", async () => {
      const first = await buildMember(t);
      await call(t, first, "PATCH", "/api/v1/me", {
        timezone: "Asia/Tokyo",
        displayName: "First",
        reasons: ["first's reason"],
      });
      const firstBefore = await memberRow(t, first.member.id);
      const stranger = await buildMember(t);

      const seen = await call(t, stranger, "GET", "/api/v1/me");
      expect(seen.json().member.id).toBe(stranger.member.id);
      expect(seen.body).not.toContain(first.member.id);
      expect(seen.body).not.toContain("first's reason");

      const changed = await call(t, stranger, "PATCH", "/api/v1/me", { displayName: "Stranger" });
      expect(changed.json().member.id).toBe(stranger.member.id);
      expect(await memberRow(t, first.member.id)).toEqual(firstBefore);

      // There is no route that takes another member's id; asking for one is a plain 404.
      const direct = await call(t, stranger, "GET", `/api/v1/members/${first.member.id}`);
      expect(direct.statusCode).toBe(404);
      expect(direct.body).not.toContain("First");
    });
  });
});
