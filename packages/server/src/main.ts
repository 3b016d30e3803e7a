/** Starts Cairn: checks the configuration, migrates, listens, and shuts down gracefully on SIGINT/SIGTERM. */
import { buildApp } from "./app.ts";
import { loadConfigOrExit } from "./config/config.ts";

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await buildApp({ config });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing requests in flight");
    // Stop accepting, let requests in flight finish, close the database; give up after 10 s.
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const shown = config.publicUrl?.origin ?? `http://localhost:${config.port}`;
  const storage = config.databaseUrl ? "PostgreSQL" : `SQLite in ${config.dataDir}`;
  process.stdout.write(`\nCairn is running at ${shown} (${storage}).\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Cairn could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
