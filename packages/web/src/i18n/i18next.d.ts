import "i18next";
import type { en } from "./en.ts";

// Typed keys: `t("no.such.key")` fails type-checking.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}
