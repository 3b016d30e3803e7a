/**
 * The live event bus across several Cairn instances, over Redis pub/sub (used when REDIS_URL is set).
 *
 * Every instance publishes its events on one channel and hears every other instance's. An instance delivers
 * its own events to its local listeners at once (no round trip) and skips their echo from Redis.
 *
 * Redis pub/sub is fire-and-forget: an instance that is disconnected from Redis for a moment misses what was
 * published meanwhile. That is safe because the database is the source of truth and events only say "deliver
 * what is stored": when this instance's subscriber reconnects, or another instance says its publisher was
 * disconnected, `onMissedEvents` listeners run and the hub re-reads each open subscription from its last
 * delivered seq. A client that reconnects re-subscribes from its own last seq in any case.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { LiveEvent, LiveEventBus } from "./events.ts";

export const DEFAULT_CHANNEL = "cairn:live";

export interface BusLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface RedisBusOptions {
  url: string;
  log: BusLog;
  channel?: string;
  /** How long start-up waits for Redis before refusing to start. */
  connectTimeoutMs?: number;
}

/** What travels on the channel: an event, or a note that the sender's events may have been lost. */
interface Envelope {
  /** The publishing instance. */
  from: string;
  event?: LiveEvent;
  missed?: true;
}

/** The address without credentials, for messages and logs (REDIS_URL may hold a password). */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return "REDIS_URL";
  }
}

export class RedisEventBus implements LiveEventBus {
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private readonly missedListeners = new Set<() => void>();
  private closing = false;

  private constructor(
    readonly instanceId: string,
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
    private readonly log: BusLog,
  ) {}

  /** Connects both connections (publishing and subscribed) or throws a clear error after the timeout. */
  static async connect(options: RedisBusOptions): Promise<RedisEventBus> {
    const channel = options.channel ?? DEFAULT_CHANNEL;
    const common = {
      lazyConnect: true,
      // Publishing while disconnected fails at once instead of queueing: the database already holds what the
      // event announces, and a send must never wait on Redis.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(times * 100, 2000),
    };
    // Named per instance, so an operator's CLIENT LIST shows which Cairn process holds which connection.
    const instanceId = randomUUID();
    const publisher = new Redis(options.url, { ...common, connectionName: `cairn-pub-${instanceId}` });
    // Subscribing again after a reconnect is done by hand, so that the hub can resynchronise right after.
    const subscriber = new Redis(options.url, {
      ...common,
      connectionName: `cairn-sub-${instanceId}`,
      autoResubscribe: false,
    });
    const bus = new RedisEventBus(instanceId, publisher, subscriber, channel, options.log);
    const where = redactRedisUrl(options.url);
    const timeoutMs = options.connectTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      // Errors during start-up are reported by connect() below; keep ioredis from printing them too.
      publisher.on("error", () => {});
      subscriber.on("error", () => {});
      await Promise.race([
        Promise.all([publisher.connect(), subscriber.connect()]).then(() => subscriber.subscribe(channel)),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Redis at ${where} (REDIS_URL) is not reachable: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
    bus.watch(where);
    return bus;
  }

  private watch(where: string): void {
    const { publisher, subscriber, log } = this;
    for (const [name, connection] of [
      ["publisher", publisher],
      ["subscriber", subscriber],
    ] as const) {
      let down = false;
      connection.removeAllListeners("error");
      connection.on("error", (error: Error) => {
        if (this.closing || down) return;
        down = true;
        log.warn({ redis: where, connection: name, err: error.message }, "Redis connection lost; retrying");
      });
      connection.on("close", () => {
        if (!this.closing) down = true;
      });
      connection.on("ready", () => {
        if (!down || this.closing) return;
        down = false;
        log.info({ redis: where, connection: name }, "Redis connection back");
        if (connection === subscriber) {
          // Whatever was published while this instance was not subscribed is lost: re-read from the database.
          subscriber.subscribe(this.channel).then(
            () => this.notifyMissed(),
            (error: unknown) => log.warn({ err: String(error) }, "Redis subscribe failed"),
          );
        } else {
          // Our own events published while disconnected were dropped: tell the other instances to re-read.
          void this.send({ from: this.instanceId, missed: true });
        }
      });
    }
    subscriber.on("message", (channel: string, payload: string) => {
      if (channel !== this.channel) return;
      let envelope: Envelope;
      try {
        envelope = JSON.parse(payload) as Envelope;
      } catch {
        log.warn({ channel }, "ignored a malformed live event from Redis");
        return;
      }
      if (envelope.from === this.instanceId) return;
      if (envelope.missed) this.notifyMissed();
      if (envelope.event) this.deliver(envelope.event);
    });
  }

  async publish(event: LiveEvent): Promise<void> {
    this.deliver(event);
    await this.send({ from: this.instanceId, event });
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `listener` whenever events may have been lost between instances. */
  onMissedEvents(listener: () => void): () => void {
    this.missedListeners.add(listener);
    return () => this.missedListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.listeners.clear();
    this.missedListeners.clear();
    await Promise.all(
      [this.publisher, this.subscriber].map((connection) =>
        connection.quit().catch(() => connection.disconnect()),
      ),
    );
  }

  private deliver(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private notifyMissed(): void {
    for (const listener of this.missedListeners) listener();
  }

  /** Never throws: a lost publish is recovered from the database (see the note at the top). */
  private async send(envelope: Envelope): Promise<void> {
    try {
      await this.publisher.publish(this.channel, JSON.stringify(envelope));
    } catch (error) {
      if (this.closing) return;
      this.log.warn(
        { err: error instanceof Error ? error.message : String(error) },
        "live event not sent to other instances (Redis unavailable); they catch up from the database",
      );
    }
  }
}
