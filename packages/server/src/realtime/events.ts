/**
 * Events that live connections must hear about, whichever server instance caused them. The teams feature
 * publishes; the realtime hub (WebSocket) subscribes. With one process the bus is in memory; with REDIS_URL
 * it goes through Redis so that every instance hears every event. The database stays the source of truth:
 * an event only tells connections to deliver what is already stored.
 */
import type { Message } from "@cairn/core";

export type LiveEvent =
  /**
   * A stored team message (text, feed event, reach-out, reaction); `message` is presented for any team member.
   * `recipients` are the team's member ids as read in the transaction that stored it, under the team lock: the
   * only members it may be delivered to live. A removal commits under the same lock, so a message stored after
   * it never lists the removed member, whichever instance's `member-left` arrives first (case C13).
   */
  | { kind: "message"; teamId: string; message: Message; recipients: string[] }
  /** A message was deleted by its author or a leader (the stored row now reads as deleted). */
  | { kind: "message-deleted"; teamId: string; seq: number }
  /** A member left or was removed: close their subscription to that team at once (case C13). */
  | { kind: "member-left"; teamId: string; memberId: string }
  /** The member's read marker moved: their other devices update unread counts. */
  | { kind: "read"; teamId: string; memberId: string; seq: number }
  /** The member blocked or unblocked someone: their connections refresh the hidden set. */
  | { kind: "blocks-changed"; memberId: string }
  /** Sessions ended (sign-out, password change, recovery): close sockets opened with them (case C15). */
  | { kind: "sessions-ended"; memberId: string; keepTokenHash?: string };

export interface LiveEventBus {
  publish(event: LiveEvent): Promise<void>;
  /** Returns the function that stops listening. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /**
   * Across instances only: runs `listener` when events may have been lost (a Redis reconnect), so live
   * connections re-read what they may have missed from the database. Returns the function that stops it.
   */
  onMissedEvents?(listener: () => void): () => void;
  close(): Promise<void>;
}

/** One process: events go straight to its listeners. */
export class InMemoryEventBus implements LiveEventBus {
  private readonly listeners = new Set<(event: LiveEvent) => void>();

  async publish(event: LiveEvent): Promise<void> {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
