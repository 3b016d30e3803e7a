import type { Substance } from "@cairn/core";
import type { TFunction } from "i18next";

/** What a recovery is called on screen: the member's own label, or the substance's name. */
export function recoveryName(t: TFunction, recovery: { substance: Substance; label: string | null }): string {
  return recovery.label ?? t(`substances.${recovery.substance}`);
}
