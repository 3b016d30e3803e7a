/**
 * A WebSocket test client for `/api/v1/ws`: records every frame, waits for the one a test expects, and keeps a
 * core `SubscriptionState` so tests see what the web app will show.
 */
import { type Message, type ServerMessage, SubscriptionState } from "@cairn/core";
import WebSocket from "ws";

export interface Closed {
  code: number;
  reason: string;
}

export class TestSocket {
  readonly frames: ServerMessage[] = [];
  readonly state = new SubscriptionState();
  readonly closed: Promise<Closed>;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as ServerMessage;
      this.frames.push(frame);
      this.state.apply(frame);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => {
      ws.on("close", (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of this.waiters.splice(0)) wake();
      });
    });
    ws.on("error", () => {});
  }

  /** Opens a socket; rejects with the HTTP status when the upgrade is refused. */
  static open(
    url: string,
    options: { cookie?: string; origin?: string; autoPong?: boolean } = {},
  ): Promise<TestSocket> {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    const ws = new WebSocket(url, {
      headers,
      ...(options.origin ? { origin: options.origin } : {}),
      autoPong: options.autoPong ?? true,
    });
    const socket = new TestSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(socket));
      ws.once("unexpected-response", (_request, response) => {
        reject(new UpgradeRefused(response.statusCode ?? 0));
        ws.terminate();
      });
      ws.once("error", reject);
    });
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer, options: { binary?: boolean } = {}): void {
    this.ws.send(data, { binary: options.binary ?? false });
  }

  /** The first frame (from index `since`) that matches, waiting for it up to `timeoutMs`. */
  async waitFor<T extends ServerMessage>(
    match: (frame: ServerMessage) => frame is T,
    options?: { since?: number; timeoutMs?: number },
  ): Promise<T>;
  async waitFor(
    match: (frame: ServerMessage) => boolean,
    options?: { since?: number; timeoutMs?: number },
  ): Promise<ServerMessage>;
  async waitFor(
    match: (frame: ServerMessage) => boolean,
    { since = 0, timeoutMs = 5000 }: { since?: number; timeoutMs?: number } = {},
  ): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(since).find(match);
      if (found) return found;
      if (this.ws.readyState === WebSocket.CLOSED) {
        throw new Error(`socket closed while waiting; frames: ${JSON.stringify(this.frames.slice(since))}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`timed out waiting for a frame; got: ${JSON.stringify(this.frames.slice(since))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Subscribes and waits for `caught_up`; returns the frames of the catch-up (messages, then caught_up). */
  async subscribe(teamId: string, afterSeq?: number): Promise<ServerMessage[]> {
    const since = this.frames.length;
    this.send({ type: "subscribe", teamId, afterSeq: afterSeq ?? this.state.lastSeq(teamId) });
    await this.waitFor(
      (f) => (f.type === "caught_up" && f.teamId === teamId) || (f.type === "error" && f.ref === teamId),
      { since },
    );
    return this.frames.slice(since);
  }

  /**
   * A round trip through the server: frames are written in order on one socket, so anything the server sent
   * before this returns has arrived.
   */
  async roundTrip(): Promise<void> {
    const since = this.frames.length;
    this.send({ type: "ping" });
    await this.waitFor((f) => f.type === "pong", { since });
  }

  /** The `message` frames received for a team, in arrival order (duplicates included, to count them). */
  messageFrames(teamId: string): Message[] {
    return this.frames.flatMap((f) =>
      f.type === "message" && f.message.teamId === teamId ? [f.message] : [],
    );
  }

  close(): void {
    this.ws.close();
  }
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with ${status}`);
  }
}
