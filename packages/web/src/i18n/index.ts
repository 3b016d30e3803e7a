/**
 * i18next setup. The catalog is bundled (it is small) and initialised synchronously, so the first render
 * already has its words and nothing is fetched.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";

export const catalogs = { en } as const;
export type Language = keyof typeof catalogs;

export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (base && base in catalogs) return base as Language;
  }
  return "en";
}

export function setupI18n(preferred: readonly string[] = globalThis.navigator?.languages ?? []) {
  const lng = pickLanguage(preferred);
  void i18next.use(initReactI18next).init({
    resources: Object.fromEntries(
      Object.entries(catalogs).map(([code, translation]) => [code, { translation }]),
    ),
    lng,
    fallbackLng: "en",
    // React escapes text itself.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    // No console notices from the library in a member's browser.
    showSupportNotice: false,
  });
  if (typeof document !== "undefined") document.documentElement.lang = lng;
  return i18next;
}

/**
 * Messages that come from core's schemas (shown beside fields, the same words the server sends) are English.
 * A catalog may map them; until one does, they are shown as written.
 */
const coreMessages: Partial<Record<Language, Record<string, string>>> = {};

export function localizeCoreMessage(message: string, language: string = i18next.language): string {
  return coreMessages[language as Language]?.[message] ?? message;
}
