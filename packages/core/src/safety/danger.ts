/** Placeholder: implemented in the next change. */
export type DangerKind = "overdose" | "suicide" | "self-harm";

export interface DangerFinding {
  kind: DangerKind;
  language: "en" | "es";
}

/** Finds language that signals immediate danger (overdose, suicide, self-harm) in English or Spanish. */
export function detectDanger(_text: string): DangerFinding[] {
  return [];
}
