/**
 * The craving SOS: an episode starts when the member rates an urge and names what set it off, and ends when
 * they re-rate it and say what helped. Times come from the server's clock; the member's words are theirs.
 */
import { z } from "zod";
import { idSchema, noteText, shortText } from "../http/fields.ts";
import { SOS_LIMITS } from "./limits.ts";

function unique<T>(items: readonly T[]): boolean {
  return new Set(items).size === items.length;
}

const cravingSchema = z
  .int({ error: "Choose a craving from 0 to 10" })
  .min(0, "From 0 to 10")
  .max(10, "From 0 to 10");

/** `POST /api/v1/sos`: the urge as it is now. */
export const sosStartSchema = z.strictObject({
  craving: cravingSchema,
  /** What set it off, in the words shown: a plan trigger's label, a listed trigger or the member's own. */
  trigger: shortText(SOS_LIMITS.triggerMax, "What set it off").nullable().optional(),
  /** The plan trigger it came from, so its coping steps come first (and insights can group by it). */
  planTriggerId: idSchema.nullable().optional(),
  /** How long the ride-it-out timer runs. */
  minutes: z
    .int({ error: "Choose whole minutes" })
    .min(SOS_LIMITS.minutesMin, `At least ${SOS_LIMITS.minutesMin} minute`)
    .max(SOS_LIMITS.minutesMax, `At most ${SOS_LIMITS.minutesMax} minutes`)
    .optional(),
});
export type SosStart = z.infer<typeof sosStartSchema>;

/**
 * `PATCH /api/v1/sos/:id`: the urge re-rated at the end, and what helped. A craving of null closes an episode
 * left unfinished without a rating (it then counts in no average).
 */
export const sosEndSchema = z.strictObject({
  craving: cravingSchema.nullable(),
  helped: z
    .array(shortText(SOS_LIMITS.helpedItemMax, "What helped"))
    .max(SOS_LIMITS.helpedMax, `At most ${SOS_LIMITS.helpedMax} things`)
    .refine(unique, "Each can appear once"),
  note: noteText(SOS_LIMITS.noteMax).nullable().optional(),
});
export type SosEnd = z.infer<typeof sosEndSchema>;

/** `PUT /api/v1/sos/:id/minutes`: the timer's new length when the member takes more time mid-ride. */
export const sosMinutesSchema = z.strictObject({
  minutes: z
    .int({ error: "Choose whole minutes" })
    .min(SOS_LIMITS.minutesMin, `At least ${SOS_LIMITS.minutesMin} minute`)
    .max(SOS_LIMITS.rideMinutesMax, `At most ${SOS_LIMITS.rideMinutesMax} minutes`),
});
export type SosMinutes = z.infer<typeof sosMinutesSchema>;

export const sosParamsSchema = z.strictObject({ id: idSchema });

export const sosListQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: "Expected a number" })
    .int("Expected a whole number")
    .min(1, "At least 1")
    .max(SOS_LIMITS.listMax, `At most ${SOS_LIMITS.listMax}`)
    .default(SOS_LIMITS.listDefault),
});

export const sosEpisodeSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  minutes: z.number(),
  cravingStart: z.number(),
  cravingEnd: z.number().nullable(),
  trigger: z.string().nullable(),
  planTriggerId: z.string().nullable(),
  helped: z.array(z.string()),
  note: z.string().nullable(),
  /** From start to end on the server's clock; null while the episode is open. */
  durationSeconds: z.number().nullable(),
});
export type SosEpisode = z.infer<typeof sosEpisodeSchema>;

/** Danger language found in the member's own words: the crisis resources open at once. */
export const sosSupportSchema = z.object({ danger: z.array(z.enum(["overdose", "suicide", "self-harm"])) });
export type SosSupport = z.infer<typeof sosSupportSchema>;

export const sosSavedSchema = z.object({ episode: sosEpisodeSchema, support: sosSupportSchema });

export const sosEpisodeResultSchema = z.object({ episode: sosEpisodeSchema });
export type SosEpisodeResult = z.infer<typeof sosEpisodeResultSchema>;
export type SosSaved = z.infer<typeof sosSavedSchema>;

export const urgeSummarySchema = z.object({
  /** Episodes the member finished: urges ridden out. */
  ridden: z.number(),
  /** Of those, how many ended lower than they began. */
  eased: z.number(),
  /** Average craving at the start and at the end of the finished ones, one decimal; null with none. */
  averageStart: z.number().nullable(),
  averageEnd: z.number().nullable(),
});
export type UrgeSummary = z.infer<typeof urgeSummarySchema>;

export const sosListSchema = z.object({ episodes: z.array(sosEpisodeSchema), summary: urgeSummarySchema });
export type SosList = z.infer<typeof sosListSchema>;
