import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Arg, compileOnce } from "./compiled-query.ts";
import { openDatabase } from "./database.ts";
import { createWriteBatcher } from "./write-batcher.ts";

interface Tables {
  people: { id: number; name: string; team: string };
}

let db: Kysely<Tables>;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-compiled-"));
  db = openDatabase({ dataDir }).db as unknown as Kysely<Tables>;
  await sql`create table people (id integer primary key, name text not null, team text not null)`.execute(db);
  await db
    .insertInto("people")
    .values([
      { id: 1, name: "Ana", team: "a" },
      { id: 2, name: "Ben", team: "a" },
      { id: 3, name: "Cy", team: "b" },
    ])
    .execute();
});
afterAll(async () => {
  await db.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it("compiles once to the SQL the builder writes, and fills each placeholder with the value of its name", async () => {
  const query = compileOnce((arg: Arg<{ team: string; after: number }>) =>
    db
      .selectFrom("people")
      .select("name")
      .where("id", ">", arg("after"))
      .where("team", "=", arg("team"))
      // A value fixed when the query is built stays as it was.
      .where("name", "!=", "Nobody")
      .orderBy("id"),
  );
  expect(query.sql).toBe(
    db
      .selectFrom("people")
      .select("name")
      .where("id", ">", 0)
      .where("team", "=", "")
      .where("name", "!=", "Nobody")
      .orderBy("id")
      .compile().sql,
  );
  expect(await query.rows(db, { team: "a", after: 0 })).toEqual([{ name: "Ana" }, { name: "Ben" }]);
  expect(await query.rows(db, { team: "a", after: 1 })).toEqual([{ name: "Ben" }]);
  expect(await query.first(db, { team: "b", after: 0 })).toEqual({ name: "Cy" });
  expect(await query.first(db, { team: "c", after: 0 })).toBeUndefined();
});

it("runs inside a transaction and writes with the values given", async () => {
  const rename = compileOnce((arg: Arg<{ id: number; name: string }>) =>
    db
      .updateTable("people")
      .set({ name: arg("name") })
      .where("id", "=", arg("id")),
  );
  await db.transaction().execute(async (trx) => {
    const result = await rename.execute(trx, { id: 3, name: "Cyd" });
    expect(Number(result.numAffectedRows)).toBe(1);
  });
  expect(await db.selectFrom("people").select("name").where("id", "=", 3).executeTakeFirst()).toEqual({
    name: "Cyd",
  });
});

it("never reads a write batch's uncommitted rows: during the batch a read waits, then sees what was committed", async () => {
  const count = compileOnce((_arg: Arg<Record<string, never>>) =>
    db.selectFrom("people").select((eb) => eb.fn.countAll<number>().as("n")),
  );
  const before = Number((await count.first(db, {}))?.n);
  const writes = createWriteBatcher(db);
  const events: string[] = [];
  let readDuringBatch: Promise<unknown> | undefined;
  const write = writes
    .run(async (trx) => {
      await trx.insertInto("people").values({ id: 10, name: "Dee", team: "b" }).execute();
      // The batch's transaction is open and holds the new row; a read starts now.
      readDuringBatch = count.first(db, {}).then((row) => events.push(`read ${Number(row?.n) - before}`));
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push("job done");
    })
    .then(() => events.push("write acknowledged"));
  await write;
  await readDuringBatch;
  // Had the read run inside the open transaction it would have answered at once, before "job done".
  expect(events[0]).toBe("job done");
  expect(events).toContain("read 1");
});
