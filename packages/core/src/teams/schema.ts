/**
 * Peer teams: payloads of the teams API, shared by the server (validation, OpenAPI) and the web app (forms).
 */
import { z } from "zod";
import { idSchema, shortText } from "../http/fields.ts";

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
  .refine((text) => text.trim().length > 0, "Write a message")
  .refine(
    (text) => text.length <= TEAM_LIMITS.messageMax,
    `A message can be at most ${TEAM_LIMITS.messageMax} characters`,
  );

export const messageSendSchema = z.strictObject({
  clientId: z.uuid({ error: "Expected a client-generated id (a UUID)" }),
  text: messageTextSchema,
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

export const MESSAGE_KINDS = ["text", "checkin", "milestone", "reach_out", "reply"] as const;

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
