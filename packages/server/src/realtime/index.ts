/**
 * Wiring of the live side: the event bus (in memory, or Redis with REDIS_URL) and the WebSocket endpoint.
 * The bus is created first because sessions and teams publish on it; the endpoint last because it calls them.
 */
import type { Clock } from "@cairn/core";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config/config.ts";
import { InMemoryEventBus, type LiveEventBus } from "./events.ts";
import { Hub, type HubLimits, type HubServices } from "./hub.ts";
import { RedisEventBus } from "./redis-bus.ts";
import wsRoutes, { registerWebSocketServer } from "./ws.routes.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** The live-connection hub (tests reach it to observe a catch-up). */
    liveHub: Hub;
  }
}

/**
 * One process: in memory. With REDIS_URL: Redis pub/sub, or a clear refusal to start if it is unreachable.
 * `wrap` (tests only) puts a layer around it, e.g. to delay some events as another instance's would be.
 */
export async function createLiveEventBus(
  app: FastifyInstance,
  config: Config,
  wrap?: (bus: LiveEventBus) => LiveEventBus,
): Promise<LiveEventBus> {
  const inner: LiveEventBus = config.redisUrl
    ? await RedisEventBus.connect({ url: config.redisUrl, log: app.log })
    : new InMemoryEventBus();
  const bus = wrap ? wrap(inner) : inner;
  app.addHook("onClose", async () => bus.close());
  return bus;
}

export interface RealtimeDeps {
  bus: LiveEventBus;
  clock: Clock;
  publicUrl: URL | undefined;
  services: HubServices;
  limits?: Partial<HubLimits>;
}

export async function registerRealtime(app: FastifyInstance, deps: RealtimeDeps): Promise<Hub> {
  const hub = new Hub(deps.services, deps.bus, deps.clock, app.log, deps.limits);
  app.decorate("liveHub", hub);
  await registerWebSocketServer(app, hub);
  await app.register(wsRoutes, { hub, publicUrl: deps.publicUrl });
  return hub;
}
