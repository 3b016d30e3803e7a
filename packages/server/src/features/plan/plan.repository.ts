import { PLAN_VERSIONS_KEPT } from "@cairn/core";
import type { Selectable } from "kysely";
import type { Db, Writes } from "../../db/database.ts";
import type { PlanVersionsTable } from "../../db/schema.ts";

export type PlanVersionRow = Selectable<PlanVersionsTable>;

/** What a save decides once it has seen the stored plan: a new version's ciphertext, or nothing to store. */
export type PlanDecision = { plan_enc: string } | null;

/** Every query names the member: a plan is only ever found through its owner. */
export class PlanRepository {
  constructor(
    private readonly db: Db,
    private readonly writes: Writes,
  ) {}

  latest(memberId: string): Promise<PlanVersionRow | undefined> {
    return this.db
      .selectFrom("plan_versions")
      .selectAll()
      .where("member_id", "=", memberId)
      .orderBy("version", "desc")
      .limit(1)
      .executeTakeFirst();
  }

  version(memberId: string, version: number): Promise<PlanVersionRow | undefined> {
    return this.db
      .selectFrom("plan_versions")
      .selectAll()
      .where("member_id", "=", memberId)
      .where("version", "=", version)
      .executeTakeFirst();
  }

  listVersions(memberId: string): Promise<Pick<PlanVersionRow, "version" | "saved_at">[]> {
    return this.db
      .selectFrom("plan_versions")
      .select(["version", "saved_at"])
      .where("member_id", "=", memberId)
      .orderBy("version", "desc")
      .execute();
  }

  /**
   * Saves a new version in one transaction: `decide` sees the newest stored version (read under the member's
   * lock on PostgreSQL, so two saves take turns and a version number is never taken twice) and throws to
   * refuse, returns null to store nothing, or returns the new version's ciphertext, made for `version`.
   * Versions beyond the newest PLAN_VERSIONS_KEPT are dropped. Resolves with the version that is now newest.
   */
  save(
    memberId: string,
    now: string,
    decide: (latest: PlanVersionRow | undefined, version: number) => PlanDecision,
  ): Promise<{ row: PlanVersionRow | undefined; created: boolean }> {
    return this.writes.run(async (trx) => {
      if (!this.writes.serialized) {
        await trx.selectFrom("members").select("id").where("id", "=", memberId).forNoKeyUpdate().execute();
      }
      const latest = await trx
        .selectFrom("plan_versions")
        .selectAll()
        .where("member_id", "=", memberId)
        .orderBy("version", "desc")
        .limit(1)
        .executeTakeFirst();
      const version = (latest?.version ?? 0) + 1;
      const decision = decide(latest, version);
      if (decision === null) return { row: latest, created: false };
      const row: PlanVersionRow = {
        member_id: memberId,
        version,
        plan_enc: decision.plan_enc,
        saved_at: now,
      };
      await trx.insertInto("plan_versions").values(row).execute();
      await trx
        .deleteFrom("plan_versions")
        .where("member_id", "=", memberId)
        .where("version", "<=", version - PLAN_VERSIONS_KEPT)
        .execute();
      return { row, created: true };
    });
  }

  async ticks(memberId: string, date: string): Promise<string[]> {
    const row = await this.db
      .selectFrom("plan_action_ticks")
      .select("done")
      .where("member_id", "=", memberId)
      .where("date", "=", date)
      .executeTakeFirst();
    return row ? (JSON.parse(row.done) as string[]) : [];
  }

  async setTicks(memberId: string, date: string, done: readonly string[], now: string): Promise<void> {
    const values = { member_id: memberId, date, done: JSON.stringify(done), updated_at: now };
    await this.db
      .insertInto("plan_action_ticks")
      .values(values)
      .onConflict((oc) =>
        oc.columns(["member_id", "date"]).doUpdateSet({ done: values.done, updated_at: now }),
      )
      .execute();
  }
}
