/**
 * Per-member send rate limit: at most `max` new messages in any `windowMs` (a sliding window), counted in this
 * process. With several instances behind a load balancer each counts its own share, so a member pinned to one
 * instance (the WebSocket stays on one) meets the limit as configured; the database is not asked per send.
 */
import type { Clock } from "@cairn/core";

export interface SendLimit {
  max: number;
  windowMs: number;
}

export class SendLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly limit: SendLimit,
    private readonly clock: Clock,
  ) {}

  /** Records a send and returns true, or returns false (and records nothing) when the member is over the limit. */
  take(memberId: string): boolean {
    const now = this.clock();
    const since = now - this.limit.windowMs;
    const recent = (this.sent.get(memberId) ?? []).filter((at) => at > since);
    if (recent.length >= this.limit.max) {
      this.sent.set(memberId, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(memberId, recent);
    this.prune(since);
    return true;
  }

  /** Gives back a send that was refused later (e.g. muted), so it does not count against the member. */
  giveBack(memberId: string): void {
    this.sent.get(memberId)?.pop();
  }

  /** Forgets members with no recent send, so memory follows active senders only. */
  private prune(since: number): void {
    if (this.sent.size < 1024) return;
    for (const [memberId, times] of this.sent) {
      if ((times.at(-1) ?? 0) <= since) this.sent.delete(memberId);
    }
  }
}
