/**
 * The journal's state for the screens: whether it is started and opened on this device, its entries opened
 * (decrypted) here, and the writes. Every crypto step is in ./vault.ts.
 */
import type { JournalEntryContent } from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { useMember } from "../../app/session.ts";
import type { DeviceKey } from "./device.ts";
import * as vault from "./vault.ts";

/** An entry as the device holds it: opened, or (content null) one that failed authentication, never shown. */
export interface OpenedEntry {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  content: JournalEntryContent | null;
}

export const journalKeys = {
  all: ["journal"] as const,
  access: (memberId: string) => ["journal", "access", memberId] as const,
  entries: (keyId: string) => ["journal", "entries", keyId] as const,
};

export const JournalKeyContext = createContext<DeviceKey | null>(null);

export function useJournalKey(): DeviceKey {
  const key = useContext(JournalKeyContext);
  if (!key) throw new Error("useJournalKey outside an opened journal");
  return key;
}

export function useJournalAccess() {
  const member = useMember();
  return useQuery({
    queryKey: journalKeys.access(member.id),
    queryFn: () => vault.readAccess(member.id),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** After the journal is started or opened here: the screens read the access again and find the key. */
export function useJournalOpened() {
  const member = useMember();
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: journalKeys.access(member.id) });
}

export function useEntries() {
  const key = useJournalKey();
  return useQuery({
    queryKey: journalKeys.entries(key.keyId),
    queryFn: () => vault.loadEntries(key),
  });
}

export function useEntry(id: string) {
  const entries = useEntries();
  return { ...entries, entry: entries.data?.find((entry) => entry.id === id) };
}

export function useSaveEntry() {
  const key = useJournalKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ entry, content }: { entry: OpenedEntry | undefined; content: JournalEntryContent }) =>
      vault.saveEntry(key, entry, content),
    onSuccess: (saved) => {
      client.setQueryData<OpenedEntry[]>(journalKeys.entries(key.keyId), (list) =>
        list ? [saved, ...list.filter((entry) => entry.id !== saved.id)] : list,
      );
    },
  });
}

export function useDeleteEntry() {
  const key = useJournalKey();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entry: OpenedEntry) => vault.deleteEntry(entry),
    onSuccess: (_nothing, gone) => {
      client.setQueryData<OpenedEntry[]>(journalKeys.entries(key.keyId), (list) =>
        list?.filter((entry) => entry.id !== gone.id),
      );
    },
  });
}
