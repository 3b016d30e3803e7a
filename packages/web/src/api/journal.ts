/**
 * The journal's API calls. Everything sent is already encrypted on the device: ciphertext, nonce, version and
 * key id, and the journal key only wrapped. A journal not started yet answers 404 on its keys.
 */
import type {
  JournalEntryCreate,
  JournalEntryPage,
  JournalEntryPayload,
  JournalEntryUpdate,
  JournalKeys,
  JournalKeysInput,
} from "@cairn/core";
import { ApiRequestError, query, request } from "./client.ts";

const API = "/api/v1/journal";
const entry = (id: string) => `${API}/entries/${encodeURIComponent(id)}`;

export const journalApi = {
  /** The wrapped journal key, or null when the journal was never started. */
  keys: async (): Promise<JournalKeys | null> => {
    try {
      return (await request<{ keys: JournalKeys }>("GET", `${API}/keys`)).keys;
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 404) return null;
      throw error;
    }
  },
  putKeys: (keys: JournalKeysInput) => request<{ keys: JournalKeys }>("PUT", `${API}/keys`, { body: keys }),
  entries: (after?: string) => request<JournalEntryPage>("GET", `${API}/entries${query({ after })}`),
  create: (input: JournalEntryCreate) =>
    request<{ entry: JournalEntryPayload }>("POST", `${API}/entries`, { body: input }),
  update: (id: string, input: JournalEntryUpdate) =>
    request<{ entry: JournalEntryPayload }>("PUT", entry(id), { body: input }),
  remove: (id: string) => request<void>("DELETE", entry(id)),
};
