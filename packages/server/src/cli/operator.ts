/**
 * `npm run operator -- grant <username>` · `revoke <username>` · `list`
 *
 * Grants or revokes the operator role: the operator sees every team's report queue and can delete messages and
 * remove members in any team. It is granted here, on the server's own command line, and never over the API, so
 * a stolen session cannot make itself operator. Uses the same configuration (DATA_DIR or DATABASE_URL) as the
 * server, and migrates first so it works on a fresh install.
 */
import { pathToFileURL } from "node:url";
import { loadConfigOrExit } from "../config/config.ts";
import { type Db, migrateToLatest, openDatabase } from "../db/database.ts";
import { OperatorsRepository } from "../features/teams/operators.repository.ts";

const USAGE = "Usage: npm run operator -- grant <username> | revoke <username> | list";

/** Runs one command; returns the exit code and writes one line per outcome. */
export async function runOperatorCommand(
  db: Db,
  args: string[],
  out: (line: string) => void,
): Promise<number> {
  const operators = new OperatorsRepository(db);
  const [command, username] = args;
  if (command === "list" && username === undefined) {
    const names = await operators.operators();
    out(names.length === 0 ? "No operators yet." : names.join("\n"));
    return 0;
  }
  if ((command !== "grant" && command !== "revoke") || !username || args.length !== 2) {
    out(USAGE);
    return 64;
  }
  if (!(await operators.setOperator(username, command === "grant"))) {
    out(`No member is called "${username}".`);
    return 1;
  }
  out(command === "grant" ? `${username} is now an operator.` : `${username} is no longer an operator.`);
  return 0;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const { db } = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(db);
    process.exitCode = await runOperatorCommand(db, process.argv.slice(2), (line) =>
      process.stdout.write(`${line}\n`),
    );
  } finally {
    await db.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    process.stderr.write(`operator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
