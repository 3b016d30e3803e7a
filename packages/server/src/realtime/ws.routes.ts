/**
 * `GET /api/v1/ws`: the one WebSocket endpoint. The upgrade runs through Fastify's hooks first, so a refused
 * connection is an ordinary HTTP answer and never becomes a socket:
 *   - an `Origin` from another site → 403 (a page elsewhere must not use the member's cookie; browsers always
 *     send `Origin` on a WebSocket, and clients without one hold no victim's cookie);
 *   - no valid session cookie → 401.
 * Frames above MAX_FRAME_BYTES are refused by `ws` itself with close code 1009, before they are buffered.
 * Everything after the upgrade is the hub's (hub.ts).
 */
import { ERROR_CODES, MAX_FRAME_BYTES } from "@cairn/core";
import websocket from "@fastify/websocket";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sessionOf } from "../features/sessions/sessions.plugin.ts";
import { errorBody } from "../http/errors.ts";
import type { Hub } from "./hub.ts";

export const WS_PATH = "/api/v1/ws";

export interface WsRoutesOptions {
  hub: Hub;
  publicUrl: URL | undefined;
}

/**
 * Same site: with PUBLIC_URL the Origin must be exactly its origin; without, the Origin's host must be the
 * Host the request came to (the scheme may differ behind a TLS-terminating proxy).
 */
export function sameSiteOrigin(
  origin: string | undefined,
  host: string | undefined,
  publicUrl: URL | undefined,
) {
  if (origin === undefined) return true;
  if (publicUrl) return origin === publicUrl.origin;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Registered on the root instance, so an upgrade request to any other path is answered and its socket ended. */
export async function registerWebSocketServer(app: FastifyInstance, hub: Hub): Promise<void> {
  await app.register(websocket, {
    options: {
      maxPayload: MAX_FRAME_BYTES,
      // Compression costs ~300 KB of zlib state per socket; chat frames are small.
      perMessageDeflate: false,
      // The hub tracks sockets itself.
      clientTracking: false,
    },
    errorHandler(error, socket) {
      // `ws` has already started the close (1009 for an oversized frame, 1002 for a protocol error).
      app.log.debug({ err: error }, "websocket error");
      if (socket.readyState === socket.OPEN) socket.terminate();
    },
    preClose(done) {
      hub.close();
      done();
    },
  });
}

export default async function wsRoutes(
  app: FastifyInstance,
  { hub, publicUrl }: WsRoutesOptions,
): Promise<void> {
  const checkOrigin = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!sameSiteOrigin(request.headers.origin, request.headers.host, publicUrl)) {
      return reply
        .code(403)
        .send(errorBody(ERROR_CODES.forbidden, "Cross-site WebSocket connections are not allowed"));
    }
  };

  app.get(WS_PATH, { websocket: true, onRequest: [checkOrigin, app.authenticate] }, (socket, request) => {
    const { memberId, tokenHash } = sessionOf(request);
    hub.open(socket, { memberId, tokenHash });
  });
}
