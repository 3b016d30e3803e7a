/**
 * Splits message text into plain text and safe links. Only http, https and mailto addresses become links;
 * everything else (javascript:, data:, file:) stays text. The UI renders the parts as text nodes and anchors,
 * never as HTML.
 */
export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const CANDIDATE = /\b(?:https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+|www\.[^\s<>"]+)/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

/** The pattern admits only these schemes, so the address is used as written (www. gets https://). */
function hrefOf(raw: string): string | undefined {
  if (/^(?:https?:\/\/|mailto:)./i.test(raw)) return raw;
  if (/^www\.[^.]+\./i.test(raw)) return `https://${raw}`;
  return undefined;
}

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index ?? 0;
    const raw = match[0].replace(TRAILING_PUNCTUATION, "");
    const href = hrefOf(raw);
    if (!href) continue;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "link", text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}
