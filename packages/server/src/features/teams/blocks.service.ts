/**
 * Blocks: a member hides another member's messages from themself, everywhere and at once. Blocked members'
 * messages are left out of history, live delivery (the realtime hub asks `hiddenAuthorsFor`), unread counts and
 * alerts. The blocked member is not told. Every change publishes `blocks-changed` so open connections refresh.
 * Only someone the member meets in a team can be blocked (a teammate, or the author of a message still there).
 */
import type { Clock } from "@cairn/core";
import { invalidField, notFound } from "../../http/errors.ts";
import type { LiveEventBus } from "../../realtime/events.ts";
import type { BlockRow, ModerationRepository } from "./moderation.repository.ts";

export class BlocksService {
  constructor(
    private readonly moderation: ModerationRepository,
    private readonly bus: LiveEventBus,
    private readonly clock: Clock,
  ) {}

  async hiddenAuthorsFor(memberId: string): Promise<Set<string>> {
    return new Set(await this.moderation.blockedIds(memberId));
  }

  /** Blocking again is a no-op; returns the block and whether it is new. */
  async block(memberId: string, blockedId: string): Promise<{ block: BlockRow; created: boolean }> {
    if (blockedId === memberId) throw invalidField("memberId", "You can't block yourself");
    if (!(await this.moderation.seesMember(memberId, blockedId))) throw notFound("That member");
    const created = await this.moderation.block(memberId, blockedId, new Date(this.clock()).toISOString());
    if (created) await this.bus.publish({ kind: "blocks-changed", memberId });
    const block = (await this.moderation.blocksOf(memberId)).find((b) => b.blocked_id === blockedId);
    if (!block) throw notFound("That member");
    return { block, created };
  }

  async unblock(memberId: string, blockedId: string): Promise<void> {
    if (!(await this.moderation.unblock(memberId, blockedId))) throw notFound("A block of that member");
    await this.bus.publish({ kind: "blocks-changed", memberId });
  }

  list(memberId: string): Promise<BlockRow[]> {
    return this.moderation.blocksOf(memberId);
  }
}
