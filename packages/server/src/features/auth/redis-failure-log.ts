/**
 * Failed sign-in attempts counted in Redis, shared by every instance (used when REDIS_URL is set). Each key is
 * a sorted set of failure ids scored by time; a Lua script drops expired failures, checks every key's limit and
 * records under all of them in one atomic step. Keys expire with the window, so nothing needs cleaning up.
 * The time comes from the server's clock (not Redis's), so tests can move it.
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "@cairn/core";
import { Redis } from "ioredis";
import type { FailureLog, KeyLimit } from "./failure-log.ts";

const RECORD_UNLESS_BLOCKED = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local id = ARGV[3]
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[3 + i]) then return 0 end
end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, id)
  redis.call('PEXPIRE', key, window)
end
return 1
`;

export class RedisFailureLog implements FailureLog {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly windowMs: number,
    private readonly clock: Clock,
    private readonly prefix = "cairn:login:",
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2 });
  }

  async record(keys: readonly KeyLimit[]): Promise<string | undefined> {
    const id = randomUUID();
    const recorded = await this.redis.eval(
      RECORD_UNLESS_BLOCKED,
      keys.length,
      ...keys.map(({ key }) => this.prefix + key),
      this.clock(),
      this.windowMs,
      id,
      ...keys.map(({ limit }) => limit),
    );
    return recorded === 1 ? id : undefined;
  }

  async forget(key: string, id: string): Promise<void> {
    await this.redis.zrem(this.prefix + key, id);
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
