/**
 * The journal's shapes: what an entry holds once opened on the device (never seen by the server), and what
 * travels on the wire (ciphertext, nonce, version and key id only; the wrapped journal key and its KDF
 * parameters). See docs/SECURITY.md for what this protects and what it does not.
 */
import { z } from "zod";
import { apiErrorSchema } from "../http/errors.ts";
import { idSchema, localDateSchema, shortText } from "../http/fields.ts";

/** Limits, defined once: the editor, the encryption and the server all refuse past them (never cut). */
export const JOURNAL_LIMITS = {
  /** Characters (UTF-16 code units, so an emoji can count as two) of title, body and prompt answers together. */
  textMax: 100_000,
  titleMax: 200,
  tagsMax: 20,
  tagMax: 40,
  promptFieldMax: 20_000,
  /** The entry as encrypted: UTF-8 JSON, padded (below). Room for 100,000 three-byte characters and escapes. */
  plaintextBytesMax: 400 * 1024,
  /** Plaintext is padded to a multiple of this, so the stored size tells only roughly how long an entry is. */
  paddingBytes: 256,
  /** Base64 of the largest ciphertext (plaintext + the 16-byte GCM tag). */
  ciphertextMax: Math.ceil((400 * 1024 + 16) / 3) * 4,
  /** A request carrying the largest entry plus its JSON fields; the server's per-route body limit. */
  requestBytesMax: 600 * 1024,
  /** Entries per page of `GET /journal/entries`. */
  pageMax: 500,
  pageDefault: 100,
  /** One wrap per recovery code (accounts have ten). */
  recoveryWrapsMax: 10,
} as const;

/** The guided prompts and the answers each asks for (labels live in the web app's i18n catalog). */
export const JOURNAL_PROMPTS = {
  "thought-record": [
    "situation",
    "automaticThought",
    "feeling",
    "evidenceFor",
    "evidenceAgainst",
    "balancedThought",
  ],
  gratitude: ["first", "second", "third"],
  "urge-log": ["intensity", "situation", "whatHelped"],
  "trigger-chain": ["trigger", "thoughts", "feelings", "actions", "nextTime"],
  "future-letter": ["letter"],
  "daily-reflection": ["reflection"],
} as const;
export type JournalPromptKind = keyof typeof JOURNAL_PROMPTS;
export const JOURNAL_PROMPT_KINDS = Object.keys(JOURNAL_PROMPTS) as JournalPromptKind[];

function unique<T>(items: readonly T[]): boolean {
  return new Set(items).size === items.length;
}

const promptSchema = z
  .strictObject({
    kind: z.enum(JOURNAL_PROMPT_KINDS as [JournalPromptKind, ...JournalPromptKind[]]),
    fields: z.record(
      z.string(),
      z
        .string()
        .max(
          JOURNAL_LIMITS.promptFieldMax,
          `An answer can be at most ${JOURNAL_LIMITS.promptFieldMax.toLocaleString("en-US")} characters`,
        ),
    ),
  })
  .superRefine((prompt, ctx) => {
    const allowed: readonly string[] = JOURNAL_PROMPTS[prompt.kind];
    for (const name of Object.keys(prompt.fields)) {
      if (!allowed.includes(name))
        ctx.addIssue({ code: "custom", path: ["fields", name], message: "Unknown field" });
    }
  });

/** What the member wrote: the plaintext of one entry, encrypted as JSON on the device. */
export const journalEntryContentSchema = z
  .strictObject({
    date: localDateSchema,
    title: z
      .string()
      .max(JOURNAL_LIMITS.titleMax, `A title can be at most ${JOURNAL_LIMITS.titleMax} characters`)
      .nullable(),
    body: z.string(),
    mood: z
      .int({ error: "Choose a mood from 1 to 5" })
      .min(1, "From 1 to 5")
      .max(5, "From 1 to 5")
      .nullable(),
    tags: z
      .array(shortText(JOURNAL_LIMITS.tagMax, "A tag"))
      .max(JOURNAL_LIMITS.tagsMax, `At most ${JOURNAL_LIMITS.tagsMax} tags`)
      .refine(unique, "Each tag can appear once"),
    prompt: promptSchema.nullable(),
  })
  .superRefine((entry, ctx) => {
    if (journalTextLength(entry) > JOURNAL_LIMITS.textMax) {
      ctx.addIssue({ code: "custom", path: ["body"], message: ENTRY_TOO_LONG });
    }
  });
export type JournalEntryContent = z.infer<typeof journalEntryContentSchema>;

export const ENTRY_TOO_LONG = `An entry can be at most ${JOURNAL_LIMITS.textMax.toLocaleString("en-US")} characters. Your text is still here; try splitting it into two entries.`;

/** Characters counted against `textMax`: title, body and every prompt answer. */
export function journalTextLength(entry: Pick<JournalEntryContent, "title" | "body" | "prompt">): number {
  const answers = entry.prompt ? Object.values(entry.prompt.fields) : [];
  return [entry.title ?? "", entry.body, ...answers].reduce((sum, text) => sum + text.length, 0);
}

// ── wire ──

const base64 = (max: number, name: string) =>
  z
    .string({ error: `Expected ${name} in base64` })
    .min(1, `Expected ${name} in base64`)
    .max(max, `${name} is too large`)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, `Expected ${name} in base64`);

/** A 96-bit AES-GCM nonce, base64 (16 characters). */
export const nonceSchema = z
  .string({ error: "Expected a nonce in base64" })
  .regex(/^[A-Za-z0-9+/]{16}$/, "Expected a 12-byte nonce in base64");
export const ciphertextSchema = base64(JOURNAL_LIMITS.ciphertextMax, "The entry").describe(
  "AES-256-GCM ciphertext with its tag, base64",
);
export const entryVersionSchema = z.int({ error: "Expected a version number" }).min(1).max(2_147_483_647);

/** POST /journal/entries: a new entry, encrypted as version 1 under the id the device chose. */
export const journalEntryCreateSchema = z.strictObject({
  id: idSchema,
  keyId: idSchema,
  version: z.literal(1, { error: "A new entry starts at version 1" }),
  nonce: nonceSchema,
  ciphertext: ciphertextSchema,
});
export type JournalEntryCreate = z.infer<typeof journalEntryCreateSchema>;

/** PUT /journal/entries/:id: the next version; `version` must be the stored one plus 1. */
export const journalEntryUpdateSchema = z.strictObject({
  keyId: idSchema,
  version: entryVersionSchema.min(2, "An edit is version 2 or later"),
  nonce: nonceSchema,
  ciphertext: ciphertextSchema,
});
export type JournalEntryUpdate = z.infer<typeof journalEntryUpdateSchema>;

export const journalEntryParamsSchema = z.strictObject({ id: idSchema });

export const journalEntriesQuerySchema = z.strictObject({
  /** The last id of the previous page (entries come in id order). */
  after: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(JOURNAL_LIMITS.pageMax).optional(),
});

/** An entry as the server holds it: nothing but ciphertext and what is needed to check and open it. */
export const journalEntryPayloadSchema = z.object({
  id: z.string(),
  keyId: z.string(),
  version: z.number().int(),
  nonce: z.string(),
  ciphertext: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JournalEntryPayload = z.infer<typeof journalEntryPayloadSchema>;

export const journalEntryResultSchema = z.object({ entry: journalEntryPayloadSchema });
export const journalEntryPageSchema = z.object({
  entries: z.array(journalEntryPayloadSchema),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
});
export type JournalEntryPage = z.infer<typeof journalEntryPageSchema>;

/**
 * 409 answers of the journal. When another device saved first, `current` is the version now stored (0: none),
 * so the device can fetch it and merge; other conflicts (no journal yet, a stale key id) have no `current`.
 */
export const journalConflictSchema = apiErrorSchema.extend({
  current: z.object({ version: z.number().int(), updatedAt: z.string() }).optional(),
});
export type JournalConflict = z.infer<typeof journalConflictSchema>;

// ── keys ──

/** The least the client accepts: argon2id with 64 MiB and 3 passes (OWASP's first recommended setting). */
export const JOURNAL_KDF_MINIMUM = { memoryKiB: 64 * 1024, iterations: 3 } as const;
/** The most the client will spend, so a hostile server cannot freeze the device with huge parameters. */
export const JOURNAL_KDF_MAXIMUM = { memoryKiB: 1024 * 1024, iterations: 20, parallelism: 4 } as const;

/** argon2id parameters as stored per member. Loose on the wire: strength is checked by the client (weak-kdf). */
export const kdfParamsSchema = z.strictObject({
  algorithm: z.literal("argon2id"),
  memoryKiB: z.int().min(1).max(JOURNAL_KDF_MAXIMUM.memoryKiB),
  iterations: z.int().min(1).max(JOURNAL_KDF_MAXIMUM.iterations),
  parallelism: z.int().min(1).max(JOURNAL_KDF_MAXIMUM.parallelism),
  /** 16 random bytes, base64. */
  salt: base64(88, "The salt"),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

/** The journal key encrypted (AES-256-GCM, bound to the key id and the slot) under a key from one secret. */
export const keyWrapSchema = z.strictObject({
  nonce: nonceSchema,
  wrappedKey: base64(64, "The wrapped key"),
});
export type KeyWrap = z.infer<typeof keyWrapSchema>;

/** SHA-256 (hex) of a recovery code, as the accounts feature stores it: names the code a wrap belongs to. */
export const recoveryCodeIdSchema = z
  .string({ error: "Expected a recovery code id" })
  .regex(/^[0-9a-f]{64}$/, "Expected a recovery code id (64 hex digits)");

export const recoveryWrapSchema = keyWrapSchema.extend({
  codeId: recoveryCodeIdSchema,
  /** HKDF salt for this code's wrapping key, 16 random bytes, base64. */
  salt: base64(88, "The salt"),
});
export type RecoveryWrap = z.infer<typeof recoveryWrapSchema>;

/** The keys document as the device writes it (PUT /journal/keys): `version` is the stored one plus 1 (or 1). */
export const journalKeysInputSchema = z.strictObject({
  keyId: idSchema,
  version: entryVersionSchema,
  kdf: kdfParamsSchema
    .refine((kdf) => kdf.memoryKiB >= JOURNAL_KDF_MINIMUM.memoryKiB, {
      message: `argon2id needs at least ${JOURNAL_KDF_MINIMUM.memoryKiB} KiB`,
      path: ["memoryKiB"],
    })
    .refine((kdf) => kdf.iterations >= JOURNAL_KDF_MINIMUM.iterations, {
      message: `argon2id needs at least ${JOURNAL_KDF_MINIMUM.iterations} passes`,
      path: ["iterations"],
    }),
  passwordWrap: keyWrapSchema,
  recoveryWraps: z
    .array(recoveryWrapSchema)
    .max(JOURNAL_LIMITS.recoveryWrapsMax, `At most ${JOURNAL_LIMITS.recoveryWrapsMax} recovery wraps`)
    .refine((wraps) => unique(wraps.map((w) => w.codeId)), "Each recovery code can have one wrap"),
});
export type JournalKeysInput = z.infer<typeof journalKeysInputSchema>;

/** The keys document as served (GET /journal/keys). KDF strength is not checked here: the crypto refuses it. */
export const journalKeysSchema = z.object({
  keyId: z.string(),
  version: z.number().int(),
  kdf: kdfParamsSchema,
  passwordWrap: keyWrapSchema,
  recoveryWraps: z.array(recoveryWrapSchema),
  updatedAt: z.string(),
  /**
   * How many of the member's unused recovery codes have no wrap (after new codes were made without the journal
   * open, say): when above 0 the device should offer to make new codes that also open the journal.
   */
  recoveryCodesWithoutWrap: z.number().int().min(0),
});
export type JournalKeys = z.infer<typeof journalKeysSchema>;
export const journalKeysResultSchema = z.object({ keys: journalKeysSchema });

/** What the crypto needs of a keys document: either shape above. */
export type JournalKeysDocument = Pick<
  JournalKeysInput,
  "keyId" | "version" | "kdf" | "passwordWrap" | "recoveryWraps"
>;
