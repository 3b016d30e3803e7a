/**
 * Team messages: send (text and replies), history and resume, read markers, deletion, encouragement reactions,
 * reach-out alerts and the feed events posted for members (feed.service.ts). The realtime hub calls the same
 * `send`, `list` and `markRead` as the HTTP routes.
 *
 * A send is checked (member of the team, not muted, under the rate limit), stored under the next per-team seq
 * in one transaction (messages.repository.ts), and only then published on the live bus: nothing is delivered
 * that is not stored, and a client resuming after seq k gets exactly what came after (case C11). The client id
 * makes a retry return the stored message (case C12). Text is encrypted at rest, bound to its team and seq.
 */
import { randomUUID } from "node:crypto";
import {
  type Clock,
  detectDanger,
  ERROR_CODES,
  type Message,
  type MessageKind,
  type MessageSupport,
  type Reaction,
} from "@cairn/core";
import type { FieldCipher } from "../../crypto/field-cipher.ts";
import { AppError, invalidField, notFound } from "../../http/errors.ts";
import type { LiveEventBus } from "../../realtime/events.ts";
import { type OpenedMessage, presentMessage } from "./messages.presenter.ts";
import type { AppendFacts, MessageRow, MessagesRepository } from "./messages.repository.ts";
import { type Actor, policies } from "./policies.ts";
import type { SendLimiter } from "./send-limiter.ts";
import { type TeamsService, teamNotFound } from "./teams.service.ts";

export interface SendInput {
  clientId: string;
  text: string;
  replyTo?: number | undefined;
}

export interface SendResult {
  message: Message;
  /** False when the client id was already stored: the retry gets the stored message back (case C12). */
  created: boolean;
  /** Danger language in the writer's text: crisis resources are shown to them at once. */
  support: MessageSupport;
}

export interface ListQuery {
  after?: number | undefined;
  before?: number | undefined;
  limit: number;
}

/** A message the server writes for a member: a feed event, a reaction or a reach-out. */
export interface Post {
  kind: MessageKind;
  clientId: string;
  text?: string | null;
  data?: Record<string, unknown> | null;
  replyTo?: number | null;
  /** Feed events are the member's own check-ins: they bypass the rate limit and a mute. */
  automatic?: boolean;
}

const textContext = (teamId: string, seq: number) => `team-message:${teamId}:${seq}`;
const dataContext = (teamId: string, seq: number) => `team-message-data:${teamId}:${seq}`;

export const muted = () =>
  new AppError(403, "muted", "A leader of this team has muted you for now; you can still read along");
export const sendingTooFast = () =>
  new AppError(429, ERROR_CODES.rateLimited, "You're sending messages quickly; wait a few seconds");

export class MessagesService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly teams: TeamsService,
    private readonly cipher: FieldCipher,
    private readonly bus: LiveEventBus,
    private readonly limiter: SendLimiter,
    private readonly clock: Clock,
  ) {}

  async send(memberId: string, teamId: string, input: SendInput): Promise<SendResult> {
    const kind: MessageKind = input.replyTo === undefined ? "text" : "reply";
    const { message, created } = await this.post(memberId, teamId, {
      kind,
      clientId: input.clientId,
      text: input.text,
      replyTo: input.replyTo ?? null,
    });
    return { message, created, support: supportFor(input.text) };
  }

  /** An encouragement reaction to a message: one per member, message and emoji (a repeat returns it). */
  react(
    memberId: string,
    teamId: string,
    seq: number,
    emoji: Reaction,
  ): Promise<{ message: Message; created: boolean }> {
    return this.post(memberId, teamId, {
      kind: "reaction",
      clientId: `reaction:${seq}:${emoji}`,
      data: { emoji },
      replyTo: seq,
    });
  }

  /**
   * "I'm having a hard time": a prominent alert to the team. Teammates answer with replies (`replyTo` its seq),
   * which is how the member sees who responded.
   */
  reachOut(
    memberId: string,
    teamId: string,
    clientId: string | undefined,
  ): Promise<{ message: Message; created: boolean }> {
    return this.post(memberId, teamId, {
      kind: "reach_out",
      clientId: clientId ?? `reach-out:${randomUUID()}`,
    });
  }

  /**
   * Stores a message for the member and publishes it. Refusals: not in the team → 404; muted → 403; over the
   * rate limit → 429; a `replyTo` that is not a message of the team → 422. Nothing is stored when refused.
   */
  async post(memberId: string, teamId: string, post: Post): Promise<{ message: Message; created: boolean }> {
    const actor = await this.teams.reader(memberId, teamId);
    const existing = await this.messages.findByClientId(teamId, memberId, post.clientId);
    if (existing) return { message: this.present(existing), created: false };
    const now = this.clock();
    const nowIso = new Date(now).toISOString();
    if (!post.automatic) {
      if (!policies.canPost(actor, nowIso)) throw muted();
      if (!this.limiter.take(memberId)) throw sendingTooFast();
    }
    const { row, created, recipients } = await this.append(memberId, teamId, post, nowIso);
    const message = presentMessage({ row, text: post.text ?? null, data: post.data ?? null });
    // Delivered live only to the members of the team as it was stored (case C13 across instances).
    if (created) await this.bus.publish({ kind: "message", teamId, message, recipients });
    return { message, created };
  }

  private async append(memberId: string, teamId: string, post: Post, nowIso: string) {
    try {
      return await this.messages.append(
        teamId,
        {
          author_id: memberId,
          client_id: post.clientId,
          kind: post.kind,
          reply_to: post.replyTo ?? null,
          created_at: nowIso,
        },
        (facts) => this.checkAppend(memberId, facts, post, nowIso),
        (seq) => ({
          text_enc: post.text == null ? null : this.cipher.encrypt(post.text, textContext(teamId, seq)),
          data_enc: post.data == null ? null : this.cipher.encryptJson(post.data, dataContext(teamId, seq)),
        }),
      );
    } catch (error) {
      // A refused send (removed or muted meanwhile, a bad replyTo) does not count against the rate limit.
      if (!post.automatic) this.limiter.giveBack(memberId);
      throw error;
    }
  }

  /** Runs under the team lock: the author's membership as it stands when the seq is taken. */
  private checkAppend(memberId: string, facts: AppendFacts, post: Post, nowIso: string): void {
    const actor: Actor = { memberId, operator: false, membership: facts.membership };
    if (!policies.canRead(actor)) throw teamNotFound();
    if (!post.automatic && !policies.canPost(actor, nowIso)) throw muted();
    if (post.replyTo == null) return;
    const field = post.kind === "reaction" ? "seq" : "replyTo";
    const joinedSeq = facts.membership?.joined_seq ?? 0;
    if (!facts.target || post.replyTo <= joinedSeq) {
      if (post.kind === "reaction") throw notFound("That message");
      throw invalidField(field, "That message isn't in this team");
    }
    if (facts.target.kind === "reaction") throw invalidField(field, "A reaction can't be answered");
    if (facts.target.deleted && post.kind === "reaction")
      throw invalidField(field, "That message was deleted");
  }

  /** Messages in ascending seq: `after` resumes exactly after a seq, `before` pages back. */
  async list(memberId: string, teamId: string, query: ListQuery): Promise<Message[]> {
    const actor = await this.teams.reader(memberId, teamId);
    const rows = await this.messages.list(teamId, memberId, {
      after: query.after,
      before: query.before,
      limit: query.limit,
      from: actor.membership?.joined_seq ?? 0,
    });
    return rows.map((row) => this.present(row));
  }

  /** Moves the member's read marker forward (never back) and tells their other devices. */
  async markRead(memberId: string, teamId: string, seq: number): Promise<number> {
    await this.teams.reader(memberId, teamId);
    const readSeq = await this.messages.markRead(teamId, memberId, seq);
    if (readSeq === undefined) throw teamNotFound();
    await this.bus.publish({ kind: "read", teamId, memberId, seq: readSeq });
    return readSeq;
  }

  /**
   * Deletes a message by its author, a leader or the operator. It stays as a "deleted" placeholder under its
   * seq. Deleting a deleted message is a no-op.
   */
  async remove(memberId: string, teamId: string, seq: number): Promise<void> {
    const actor = await this.teams.actor(memberId, teamId);
    if (!policies.canRead(actor) && !policies.canModerate(actor)) throw teamNotFound();
    const row = await this.messages.find(teamId, seq);
    const visible = row && (policies.canModerate(actor) || seq > (actor.membership?.joined_seq ?? 0));
    if (!row || !visible) throw notFound("That message");
    if (!policies.canDeleteMessage(actor, row.author_id)) {
      throw new AppError(403, ERROR_CODES.forbidden, "Only its author or a team leader can delete a message");
    }
    if (await this.messages.markDeleted(teamId, seq, new Date(this.clock()).toISOString())) {
      await this.bus.publish({ kind: "message-deleted", teamId, seq });
    }
  }

  /** A message as it stands now, for a report (leaders and the operator see what was reported). */
  async presentStored(teamId: string, seq: number): Promise<Message | undefined> {
    const row = await this.messages.find(teamId, seq);
    return row && this.present(row);
  }

  present(row: MessageRow): Message {
    return presentMessage(this.open(row));
  }

  private open(row: MessageRow): OpenedMessage {
    const seq = Number(row.seq);
    return {
      row,
      text: row.text_enc === null ? null : this.cipher.decrypt(row.text_enc, textContext(row.team_id, seq)),
      data:
        row.data_enc === null
          ? null
          : this.cipher.decryptJson<Record<string, unknown>>(row.data_enc, dataContext(row.team_id, seq)),
    };
  }
}

function supportFor(text: string): MessageSupport {
  return { danger: [...new Set(detectDanger(text).map((finding) => finding.kind))] };
}
