import SQLite from "better-sqlite3";
const times = new Map<string, [number, number]>();
const origPrepare = SQLite.prototype.prepare;
(SQLite.prototype as any).prepare = function (sql: string) {
  const t0 = performance.now();
  const stmt = origPrepare.call(this, sql);
  const tp = performance.now() - t0;
  const key = sql.slice(0, 70);
  const wrap = (fn: string) => { const o = (stmt as any)[fn].bind(stmt); (stmt as any)[fn] = (...a: unknown[]) => { const t1 = performance.now(); const r = o(...a); const e = times.get(key) ?? [0, 0]; e[0] += performance.now() - t1 + tp; e[1]++; times.set(key, e); return r; }; };
  wrap("all"); wrap("run");
  return stmt;
};
await import("./prof4.tmp.ts");
for (const [k, [t, n]] of [...times.entries()].sort((a, b) => b[1][0] - a[1][0]).slice(0, 15)) console.log((t / n * 1000).toFixed(0).padStart(6), "µs", String(n).padStart(6), k);
