import { linkify } from "@cairn/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/**
 * Message text as text nodes and safe links (http, https, mailto only; core's `linkify`). Never HTML: markup
 * in a message shows as the characters typed (case C09).
 */
export function LinkedText({ text }: { text: string }) {
  const { t } = useTranslation();
  const parts = useMemo(() => linkify(text), [text]);
  return (
    <>
      {parts.map((part, index) =>
        part.kind === "link" ? (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move.
            key={index}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer"
          >
            {part.text}
            <span className="visually-hidden"> {t("help.opensNewTab")}</span>
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move.
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
