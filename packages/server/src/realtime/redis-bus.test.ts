/** The Redis bus between instances, against a real Redis (skipped with a message when there is none). */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { hasRedis, REDIS_URL } from "../../test/redis.ts";
import type { LiveEvent } from "./events.ts";
import { RedisEventBus, redactRedisUrl } from "./redis-bus.ts";

if (!hasRedis) process.stderr.write(`Redis not reachable at ${REDIS_URL}: the Redis bus tests do not run.\n`);

const quiet = { info() {}, warn() {} };
const event = (memberId: string): LiveEvent => ({ kind: "blocks-changed", memberId });

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Drops one of a bus's connections from the Redis side, as a network cut would. */
async function killConnection(bus: RedisEventBus, which: "pub" | "sub"): Promise<void> {
  const admin = new Redis(REDIS_URL);
  try {
    const list = String(await admin.client("LIST"));
    const line = list.split("\n").find((l) => l.includes(`name=cairn-${which}-${bus.instanceId}`));
    const id = line?.match(/\bid=(\d+)/)?.[1];
    if (!id) throw new Error(`no ${which} connection for the bus`);
    await admin.client("KILL", "ID", id);
  } finally {
    admin.disconnect();
  }
}

describe.runIf(hasRedis)("the Redis live event bus", () => {
  const buses: RedisEventBus[] = [];
  const channel = `cairn:test:${randomBytes(4).toString("hex")}`;
  const connect = async () => {
    const bus = await RedisEventBus.connect({ url: REDIS_URL, log: quiet, channel });
    buses.push(bus);
    return bus;
  };
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  it("delivers every event to every instance once: locally at once, elsewhere through Redis", async () => {
    const [one, two] = [await connect(), await connect()];
    const heardByOne: LiveEvent[] = [];
    const heardByTwo: LiveEvent[] = [];
    one.subscribe((e) => heardByOne.push(e));
    two.subscribe((e) => heardByTwo.push(e));
    await one.publish(event("from-one"));
    expect(heardByOne).toEqual([event("from-one")]);
    await until(() => heardByTwo.length === 1);
    await two.publish(event("from-two"));
    await until(() => heardByOne.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heardByOne).toEqual([event("from-one"), event("from-two")]);
    expect(heardByTwo).toEqual([event("from-one"), event("from-two")]);
  });

  it("after its subscriber reconnects, tells the hub that events may have been missed, and hears again", async () => {
    const [one, two] = [await connect(), await connect()];
    let missed = 0;
    two.onMissedEvents(() => missed++);
    const heard: LiveEvent[] = [];
    two.subscribe((e) => heard.push(e));
    await killConnection(two, "sub");
    await until(() => missed === 1);
    await one.publish(event("after"));
    await until(() => heard.length === 1);
  });

  it("after its publisher reconnects, tells the other instances to re-read; publishing meanwhile never throws", async () => {
    const [one, two] = [await connect(), await connect()];
    let missedByTwo = 0;
    two.onMissedEvents(() => missedByTwo++);
    const local: LiveEvent[] = [];
    one.subscribe((e) => local.push(e));
    await killConnection(one, "pub");
    await one.publish(event("during the cut"));
    expect(local).toEqual([event("during the cut")]);
    await until(() => missedByTwo === 1);
  });

  it("refuses to start when Redis cannot be reached, naming the address but never its password", async () => {
    const attempt = RedisEventBus.connect({
      url: "redis://cairn:s3cret@127.0.0.1:1",
      log: quiet,
      connectTimeoutMs: 1000,
    });
    await expect(attempt).rejects.toThrow(
      /^Redis at redis:\/\/127\.0\.0\.1:1 \(REDIS_URL\) is not reachable/,
    );
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});

describe("redactRedisUrl", () => {
  it("keeps the address and drops credentials", () => {
    expect(redactRedisUrl("rediss://user:pw@redis.internal:6380/2")).toBe("rediss://redis.internal:6380/2");
    expect(redactRedisUrl("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
  });
});
