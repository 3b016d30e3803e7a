/** Text helpers for the journal that respect what a reader sees as one character. */

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * At most `max` UTF-16 code units of `text`, cut only between graphemes (never through a surrogate pair, a
 * skin-tone modifier or a joined emoji sequence), with "…" when something was left out. For previews only:
 * stored text is never cut (too long is refused).
 */
export function previewText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1; // for the ellipsis
  let end = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (end + segment.length > room) break;
    end += segment.length;
  }
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Text as search compares it: without case or accents ("Café" finds "cafe", "ÉTÉ" finds "été"). */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
