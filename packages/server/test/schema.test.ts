/**
 * Migrations are add-only once released: this compares the schema the migrations build, on each database,
 * with a committed snapshot. A change that alters or drops a released column fails here; a deliberate
 * addition is recorded with `UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run --project server schema`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase, startTestApp, type TestApp } from "./harness.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

describeEachDatabase("database schema", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("matches the committed snapshot of migrated tables and columns", async () => {
    const tables = await t.db.introspection.getTables();
    const schema = Object.fromEntries(
      tables
        // On PostgreSQL other test schemas exist side by side; look at this app's only.
        .filter((table) => !table.name.startsWith("kysely_") && (!t.pgSchema || table.schema === t.pgSchema))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((table) => [
          table.name,
          Object.fromEntries(
            [...table.columns]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((c) => [c.name, `${c.dataType}${c.isNullable ? " null" : ""}`]),
          ),
        ]),
    );
    const file = path.join(here, `schema-snapshot.${kind}.json`);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === "1")
      fs.writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
    expect(schema).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
  });
});
