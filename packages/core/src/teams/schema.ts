/**
 * Peer teams: payloads of the teams API, shared by the server (validation, OpenAPI) and the web app (forms).
 */
import { z } from "zod";
import {
  HIDDEN_CONTROLS_MESSAGE,
  hasHiddenControls,
  hasVisibleText,
  idSchema,
  shortText,
} from "../http/fields.ts";

export const TEAM_LIMITS = {
  nameMax: 60,
  /** Default; operators change it with TEAM_MAX_MEMBERS. */
  membersDefault: 12,
  messageMax: 4000,
  reportReasonMax: 500,
  pageMax: 100,
  pageDefault: 50,
  inviteDaysMax: 90,
} as const;

export const teamIdParamsSchema = z.strictObject({ id: idSchema });
export const teamMemberParamsSchema = z.strictObject({ id: idSchema, memberId: idSchema });

export const teamCreateSchema = z.strictObject({ name: shortText(TEAM_LIMITS.nameMax, "Team name") });
export type TeamCreate = z.infer<typeof teamCreateSchema>;

/** Invite codes are typed by hand or arrive in a link; compared without case, dashes or spaces. */
export const inviteCodeSchema = z
  .string({ error: "Enter the invite code" })
  .trim()
  .min(6, "That invite code is too short")
  .max(64, "That invite code is too long");

export const teamJoinSchema = z.strictObject({ code: inviteCodeSchema });

/** What an invite opens, shown before joining: the team's name and how many are in it. */
export const invitePreviewSchema = z.object({
  team: z.object({ name: z.string(), memberCount: z.number() }),
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

export const inviteCreateSchema = z.strictObject({
  /** Days until the invite stops working; null keeps it until revoked. */
  expiresInDays: z.int().min(1).max(TEAM_LIMITS.inviteDaysMax).nullable().default(7),
});

/**
 * A message as typed. The client id makes a retried send idempotent: the same (member, team, clientId) is
 * stored once, and the retry gets the stored message back (case C12).
 */
export const messageTextSchema = z
  .string({ error: "Write a message" })
  .refine(hasVisibleText, "Write a message")
  .refine(
    (text) => text.length <= TEAM_LIMITS.messageMax,
    `A message can be at most ${TEAM_LIMITS.messageMax} characters`,
  )
  .refine((text) => !hasHiddenControls(text), HIDDEN_CONTROLS_MESSAGE);

/** `replyTo` answers an earlier message of the same team (a reach-out, a feed event, any message). */
export const replyToSchema = z.int({ error: "Expected the sequence number of a message" }).min(1);

export const messageSendSchema = z.strictObject({
  clientId: z.uuid({ error: "Expected a client-generated id (a UUID)" }),
  text: messageTextSchema,
  replyTo: replyToSchema.optional(),
});
export type MessageSend = z.infer<typeof messageSendSchema>;

const seqSchema = z.coerce.number({ error: "Expected a sequence number" }).int().min(0);

export const messagesQuerySchema = z
  .strictObject({
    after: seqSchema.optional(),
    before: seqSchema.optional(),
    limit: z.coerce.number().int().min(1).max(TEAM_LIMITS.pageMax).default(TEAM_LIMITS.pageDefault),
  })
  .refine((q) => q.after === undefined || q.before === undefined, {
    message: "Use after or before, not both",
    path: ["before"],
  });

export const readMarkerSchema = z.strictObject({
  seq: z.int({ error: "Expected a sequence number" }).min(0),
});

export const reportCreateSchema = z.strictObject({
  reason: shortText(TEAM_LIMITS.reportReasonMax, "A reason").optional(),
});

export const messageParamsSchema = z.strictObject({ id: idSchema, seq: z.coerce.number().int().min(1) });

export const muteSchema = z.strictObject({
  minutes: z
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .nullable(),
});

/** What a member lets their team see of their check-ins. Notes are never shared. */
export const sharingSchema = z.strictObject({
  checkins: z.boolean(),
  milestones: z.boolean(),
  mood: z.boolean(),
  craving: z.boolean(),
});
export type Sharing = z.infer<typeof sharingSchema>;
export const DEFAULT_SHARING: Sharing = { checkins: true, milestones: true, mood: false, craving: false };

export const TEAM_ROLES = ["leader", "member"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(TEAM_ROLES),
  memberCount: z.number(),
  lastSeq: z.number(),
  readSeq: z.number(),
  unread: z.number(),
});
export type Team = z.infer<typeof teamSchema>;

export const teamMemberSchema = z.object({
  id: z.string(),
  alias: z.string(),
  role: z.enum(TEAM_ROLES),
  muted: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

/**
 * `reaction`: an encouragement reaction is itself a team message (its seq, `replyTo` the message it answers,
 * `data.emoji`), so it is stored, ordered, resumed and delivered exactly like any other message.
 */
export const MESSAGE_KINDS = ["text", "checkin", "milestone", "reach_out", "reply", "reaction"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A small fixed set of encouragement reactions: strength, love, prayer/thanks, applause, growth. */
export const REACTIONS = ["💪", "❤️", "🙏", "👏", "🌱"] as const;
export type Reaction = (typeof REACTIONS)[number];
export const reactionCreateSchema = z.strictObject({
  emoji: z.enum(REACTIONS, { error: `Choose one of ${REACTIONS.join(" ")}` }),
});

/** A reach-out may carry a client id so a retried press does not alert the team twice. */
export const reachOutSchema = z.strictObject({
  clientId: z.uuid({ error: "Expected a client-generated id (a UUID)" }).optional(),
});

export const messageSchema = z.object({
  teamId: z.string(),
  seq: z.number(),
  clientId: z.string().nullable(),
  author: z.object({ id: z.string(), alias: z.string() }).nullable(),
  kind: z.enum(MESSAGE_KINDS),
  text: z.string().nullable(),
  /** Structured content of feed events (check-in shared fields, milestone days). */
  data: z.record(z.string(), z.unknown()).nullable(),
  replyTo: z.number().nullable(),
  deleted: z.boolean(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

/**
 * What the writer of a message is told at once: danger language found in their text (crisis resources open).
 * The same shape rides on the REST answer to a send and on the WebSocket "sent" frame.
 */
export const messageSupportSchema = z.object({
  danger: z.array(z.enum(["overdose", "suicide", "self-harm"])),
});
export type MessageSupport = z.infer<typeof messageSupportSchema>;

export const messageSentSchema = z.object({ message: messageSchema, support: messageSupportSchema });
export type MessageSent = z.infer<typeof messageSentSchema>;

export const teamDetailSchema = z.object({ team: teamSchema, members: z.array(teamMemberSchema) });
export type TeamDetail = z.infer<typeof teamDetailSchema>;

/** Hand the lead to another member of the team. */
export const leaderHandoverSchema = z.strictObject({ memberId: idSchema });

export const INVITE_STATUSES = ["active", "expired", "revoked"] as const;

/** An invite as listed to leaders; the code itself is shown once, when it is made (only its hash is kept). */
export const inviteSchema = z.object({
  id: z.string(),
  status: z.enum(INVITE_STATUSES),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});
export type Invite = z.infer<typeof inviteSchema>;

/** `link` is a path on this site (`/join/<code>`); the app puts its own origin in front. */
export const inviteCreatedSchema = z.object({ invite: inviteSchema, code: z.string(), link: z.string() });
export type InviteCreated = z.infer<typeof inviteCreatedSchema>;

export const inviteParamsSchema = z.strictObject({ id: idSchema, inviteId: idSchema });

export const readMarkerResultSchema = z.object({ readSeq: z.number() });

export const blockCreateSchema = z.strictObject({ memberId: idSchema });
export const blockParamsSchema = z.strictObject({ memberId: idSchema });
export const blockSchema = z.object({ memberId: z.string(), alias: z.string(), createdAt: z.string() });
export type Block = z.infer<typeof blockSchema>;

/** A report as leaders and the operator see it: the message (as it stands now) and the reason, not the reporter. */
export const reportSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  message: messageSchema,
  reason: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type Report = z.infer<typeof reportSchema>;
export const reportParamsSchema = z.strictObject({ id: idSchema, reportId: idSchema });
