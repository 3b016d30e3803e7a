import { type DangerKind, detectDanger } from "../safety/danger.ts";

/** The kinds of danger language in any of the member's SOS words (trigger, what helped, note), each once. */
export function dangerInWords(texts: readonly (string | null | undefined)[]): DangerKind[] {
  const kinds = texts.flatMap((text) => (text ? detectDanger(text).map((finding) => finding.kind) : []));
  return [...new Set(kinds)];
}
