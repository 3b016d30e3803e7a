/**
 * Queries built and compiled once, then run with new values (Kysely's "split build, compile and execute"
 * recipe). For the queries on every request — the session lookup, the progress read, the check-in write —
 * building the query tree and compiling it to SQL cost Kysely 10–20 µs each, more than SQLite takes to run them
 * from a prepared statement. Here the query is written with the same typed builder, `arg("name")` standing for
 * the value passed under that name at run time; the SQL text is fixed, so the statement cache
 * (statement-cache.ts) prepares it once too.
 *
 * `arg(name)` may stand only where Kysely binds one value (a comparison, an inserted or updated column): it is a
 * placeholder object, so it cannot stand for a list (`in`), an identifier or a raw SQL fragment, and a null
 * passed for it is compared with `=` (never true), not turned into `is null` as the builder would.
 *
 * On SQLite a compiled query runs straight on the prepared statement when the database (or transaction) it is
 * given has a direct runner (see `runDirectly` below, set up by database.ts and the write batcher); otherwise,
 * and always on PostgreSQL, it goes through Kysely's executor.
 */
import type { Compilable, CompiledQuery, QueryResult } from "kysely";

const SLOT = Symbol("cairn.compiled-query.arg");

interface Placeholder {
  readonly [SLOT]: string;
}

function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === "object" && value !== null && SLOT in value;
}

/** `arg(name)` is typed as the value given under that name, so the builder checks it against its column. */
export type Arg<Values> = <K extends keyof Values & string>(name: K) => Values[K];

/** The database or one of its transactions. */
export interface Executor {
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

/**
 * Runs SQL synchronously on better-sqlite3 and answers as Kysely's SQLite driver would, or answers undefined when
 * it may not run now (then the query goes through Kysely, which waits for the connection).
 */
export type DirectRunner = (sql: string, parameters: readonly unknown[]) => QueryResult<unknown> | undefined;

const directRunners = new WeakMap<object, DirectRunner>();
const insideTransactionRunners = new WeakMap<object, DirectRunner>();

/**
 * Lets compiled queries given the database `db` run on the SQLite connection directly: better-sqlite3 is
 * synchronous, so Kysely's connection lock, executor and their half-dozen promise steps per query add nothing
 * but cost. `outside` decides when that is safe for the database itself (database.ts: only while no transaction
 * is open on the one connection, so a read never sees a batch's uncommitted writes); `inside` runs the queries
 * of a transaction that holds the connection (see `runDirectlyInTransaction`).
 */
export function runDirectly(db: object, outside: DirectRunner, inside: DirectRunner): void {
  directRunners.set(db, outside);
  insideTransactionRunners.set(db, inside);
}

/** For the write batcher: compiled queries given `trx`, a transaction of `db` holding its connection, run directly. */
export function runDirectlyInTransaction(db: object, trx: object): void {
  const inside = insideTransactionRunners.get(db);
  if (inside) directRunners.set(trx, inside);
}

export interface CompiledQueryOf<Values, Row> {
  /** The SQL, for tests and logs. */
  readonly sql: string;
  /** Runs on the database or on one of its transactions. */
  execute(db: Executor, values: Values): Promise<QueryResult<Row>>;
  /** The rows the query returns. */
  rows(db: Executor, values: Values): Promise<Row[]>;
  /** The first row, or undefined. */
  first(db: Executor, values: Values): Promise<Row | undefined>;
}

export function compileOnce<Values, Row>(
  build: (arg: Arg<Values>) => Compilable<Row>,
): CompiledQueryOf<Values, Row> {
  const compiled = build(((name: string) => ({ [SLOT]: name })) as Arg<Values>).compile();
  // For each SQL parameter: the name of the value that fills it, or undefined for one fixed at build time.
  const slots = compiled.parameters.map((value) => (isPlaceholder(value) ? value[SLOT] : undefined));
  const fixed = compiled.parameters;
  const execute = (db: Executor, values: Values): Promise<QueryResult<Row>> => {
    const given = values as Record<string, unknown>;
    const parameters = slots.map((name, i) => (name === undefined ? fixed[i] : given[name]));
    const direct = directRunners.get(db);
    if (direct) {
      try {
        const result = direct(compiled.sql, parameters);
        if (result) return Promise.resolve(result as QueryResult<Row>);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return db.executeQuery<Row>({ ...compiled, parameters });
  };
  return {
    sql: compiled.sql,
    execute,
    rows: async (db, values) => (await execute(db, values)).rows,
    first: async (db, values) => (await execute(db, values)).rows[0],
  };
}
