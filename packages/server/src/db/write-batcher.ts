/**
 * Group commit: many small write transactions share one durable COMMIT.
 *
 * SQLite runs with `synchronous=FULL`, so every COMMIT waits for fsync (about 0.5 ms here) — an acknowledged
 * check-in must survive a power cut. One transaction per request would cap writes at a couple of thousand per
 * second and block the event loop (better-sqlite3 is synchronous) for most of that time. Instead, the jobs
 * submitted during one turn of the event loop (up to `maxBatch`) run one after another inside ONE transaction,
 * each inside its own SAVEPOINT:
 *
 * - a job that throws is rolled back to its savepoint: only its own changes are undone and only its promise
 *   rejects; the other jobs of the batch go on;
 * - every promise settles only after the COMMIT has succeeded, so a write is never acknowledged before it is
 *   durable; if the COMMIT (or the transaction itself) fails, every job of the batch rejects and nothing of it
 *   is kept.
 *
 * Jobs see each other's committed-in-batch changes in order, exactly as if they had run one after another,
 * which is what SQLite's single writer does anyway. A job must do database work only, through the `trx` it is
 * given: it runs while the one SQLite connection is held, so awaiting anything else (hashing, the network)
 * would stall every other query, and using the outer `db` inside a job would wait for itself forever.
 *
 * On PostgreSQL each job is simply its own transaction: the server already groups the WAL flushes of
 * concurrent commits across connections (its own group commit), and a shared transaction there would only
 * lengthen lock times.
 */
import type { ControlledTransaction, Kysely, Transaction } from "kysely";
import { CompiledQuery, SqliteAdapter } from "kysely";
import { runDirectlyInTransaction } from "./compiled-query.ts";

export type WriteJob<DB, T> = (trx: Transaction<DB>) => Promise<T>;

export interface WriteBatcher<DB> {
  /** Runs `job` in a transaction; resolves with its result once that transaction is committed. */
  run<T>(job: WriteJob<DB, T>): Promise<T>;
  /**
   * True when jobs never run concurrently (SQLite: one writer, jobs one after another), so a job may read and
   * then write without locking; false on PostgreSQL, where a job that reads to decide what to write must lock
   * what it read (`SELECT … FOR UPDATE`).
   */
  readonly serialized: boolean;
}

export interface BatchReport {
  /** Jobs in the batch. */
  size: number;
  /** Jobs whose changes were kept (the others threw and were rolled back to their savepoint). */
  succeeded: number;
  /** False when the COMMIT or the transaction failed and every job was rejected. */
  committed: boolean;
}

export interface WriteBatcherOptions {
  /** Most jobs in one transaction (default 64): bounds the time the connection is held by one batch. */
  maxBatch?: number;
  /** Called after each SQLite batch, after its COMMIT and before any job's promise settles (tests, metrics). */
  onBatch?: (report: BatchReport) => void;
}

export const DEFAULT_MAX_BATCH = 64;

export function createWriteBatcher<DB>(db: Kysely<DB>, options: WriteBatcherOptions = {}): WriteBatcher<DB> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return new SqliteGroupCommit(db, options);
  return { run: (job) => db.transaction().execute(job), serialized: false };
}

interface Pending<DB> {
  job: WriteJob<DB, unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

// The savepoint commands, compiled once: Kysely's `trx.savepoint(name)` builds a new ControlledTransaction and
// compiles the command on every call, which cost more than the job itself for a small write.
const SAVEPOINT = CompiledQuery.raw('savepoint "cairn_write"');
const ROLLBACK_TO_SAVEPOINT = CompiledQuery.raw('rollback to "cairn_write"');
const RELEASE_SAVEPOINT = CompiledQuery.raw('release "cairn_write"');

class SqliteGroupCommit<DB> implements WriteBatcher<DB> {
  readonly serialized = true;
  readonly #db: Kysely<DB>;
  readonly #maxBatch: number;
  readonly #onBatch: ((report: BatchReport) => void) | undefined;
  #queue: Pending<DB>[] = [];
  #scheduled = false;
  #draining = false;

  constructor(db: Kysely<DB>, options: WriteBatcherOptions) {
    this.#db = db;
    this.#maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_MAX_BATCH);
    this.#onBatch = options.onBatch;
  }

  run<T>(job: WriteJob<DB, T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled && !this.#draining) {
        // Let every request that arrived in this turn of the event loop join the batch first.
        this.#scheduled = true;
        setImmediate(() => {
          this.#scheduled = false;
          void this.#drain();
        });
      }
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      // Jobs submitted while a batch runs wait for the next one; no await between the check and the flag reset.
      while (this.#queue.length > 0) await this.#runBatch(this.#queue.splice(0, this.#maxBatch));
    } finally {
      this.#draining = false;
    }
  }

  async #runBatch(batch: Pending<DB>[]): Promise<void> {
    const outcomes: Outcome[] = [];
    let trx: ControlledTransaction<DB> | undefined;
    try {
      trx = await this.#db.startTransaction().execute();
      // The jobs run one after another inside this transaction: their compiled queries may run on the connection
      // directly (compiled-query.ts), as Kysely would, minus its per-query overhead.
      runDirectlyInTransaction(this.#db, trx);
      for (const { job } of batch) {
        await trx.executeQuery(SAVEPOINT);
        try {
          outcomes.push({ ok: true, value: await job(trx) });
        } catch (error) {
          await trx.executeQuery(ROLLBACK_TO_SAVEPOINT);
          outcomes.push({ ok: false, error });
        }
        await trx.executeQuery(RELEASE_SAVEPOINT);
      }
      await trx.commit().execute();
    } catch (error) {
      // The transaction could not be completed: none of this batch is durable, so none of it is acknowledged.
      if (trx && !trx.isCommitted && !trx.isRolledBack)
        await trx
          .rollback()
          .execute()
          .catch(() => {});
      this.#report({ size: batch.length, succeeded: 0, committed: false });
      for (const pending of batch) pending.reject(error);
      return;
    }
    this.#report({ size: batch.length, succeeded: outcomes.filter((o) => o.ok).length, committed: true });
    batch.forEach((pending, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  #report(report: BatchReport): void {
    try {
      this.#onBatch?.(report);
    } catch {
      // A reporting hook never decides the fate of the writes.
    }
  }
}
