/**
 * When to try the WebSocket again after it dropped: exponential backoff with jitter, so a server restart is
 * not met by every client at the same instant, and a phone on a bad network does not drain its battery.
 */
export const BACKOFF = { baseMs: 500, capMs: 30_000 } as const;

/** Attempt 0 waits 250–500 ms, attempt 1 500–1000 ms, … never more than 30 s. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * A client-side allowance of frames per window, under the server's flood limit (30 frames in 5 s closes the
 * socket with 4008): a member in many teams subscribes to each on reconnect, and the rest wait their turn.
 */
export class FrameBudget {
  private sent: number[] = [];

  constructor(
    private readonly max = 20,
    private readonly windowMs = 5_000,
  ) {}

  /** Takes one frame's allowance now, or returns how long to wait before one is free. */
  take(now: number): number {
    this.sent = this.sent.filter((at) => now - at < this.windowMs);
    if (this.sent.length < this.max) {
      this.sent.push(now);
      return 0;
    }
    return (this.sent[0] as number) + this.windowMs - now;
  }

  reset(): void {
    this.sent = [];
  }
}

/** A client id for a send: `crypto.randomUUID()`, or the same v4 shape where only getRandomValues exists (plain http). */
export function newClientId(crypto: Crypto = globalThis.crypto): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The live endpoint on this page's own origin (wss behind https). */
export function liveUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/v1/ws`;
}
