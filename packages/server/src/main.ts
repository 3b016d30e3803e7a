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

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw new Error(listenProblem(error, config.port, config.host), { cause: error });
  }
  const shown = config.publicUrl?.origin ?? `http://localhost:${config.port}`;
  const storage = config.databaseUrl ? "PostgreSQL" : `SQLite in ${config.dataDir}`;
  process.stdout.write(`\nCairn is running at ${shown} (${storage}).\n\n`);
}

/** What an operator can act on when the port cannot be opened. */
function listenProblem(error: unknown, port: number, host: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE")
    return `port ${port} on ${host} is already in use by another program. Stop it, or choose another port with PORT=…`;
  if (code === "EACCES")
    return `this user may not open port ${port}. Use a port above 1023 (PORT=8080) behind a reverse proxy.`;
  if (code === "EADDRNOTAVAIL")
    return `this machine has no address ${host}. Set HOST to one of its addresses.`;
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  process.stderr.write(`Cairn could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
