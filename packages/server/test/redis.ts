/**
 * Redis for the tests that need it (the Redis bus, the two-process test): reachable at TEST_REDIS_URL or
 * redis://127.0.0.1:6379. `CAIRN_REQUIRE_REDIS=1` (set by CI) turns an unreachable Redis into a failure
 * instead of a skip.
 */
import { Redis } from "ioredis";

export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisReachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1500, maxRetriesPerRequest: 0 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export const hasRedis = await redisReachable();
if (!hasRedis && process.env.CAIRN_REQUIRE_REDIS === "1") {
  throw new Error(`CAIRN_REQUIRE_REDIS=1 but Redis is not reachable at ${REDIS_URL}`);
}
