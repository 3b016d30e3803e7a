/** The operator flag on members: granted and revoked from the command line (cli/operator.ts), read by teams. */
import type { Db } from "../../db/database.ts";

export class OperatorsRepository {
  constructor(private readonly db: Db) {}

  /** False when no member has that username (compared without case, as at sign-in). */
  async setOperator(username: string, operator: boolean): Promise<boolean> {
    const result = await this.db
      .updateTable("members")
      .set({ is_operator: operator ? 1 : 0 })
      .where("username_key", "=", username.trim().toLowerCase())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async operators(): Promise<string[]> {
    const rows = await this.db
      .selectFrom("members")
      .select("username")
      .where("is_operator", "=", 1)
      .orderBy("username_key")
      .execute();
    return rows.map((r) => r.username);
  }
}
