/**
 * Money not spent. The API sends a plain number of currency units; the contract has no currency yet, so
 * US dollars are the default until the operator's region settings carry one.
 */
export const DEFAULT_CURRENCY = "USD";

export function formatMoney(amount: number, locale: string, currency: string = DEFAULT_CURRENCY): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
}

/** Reads an amount typed by a person ("12.50", "12,50", " 20 "); "" is no amount; junk is NaN. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const normalized = trimmed.replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(normalized)) return Number.NaN;
  return Number(normalized);
}
