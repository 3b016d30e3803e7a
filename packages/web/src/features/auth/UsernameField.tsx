import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "../../components/fields.tsx";

/** The account's alias: no capitals, no spelling fixes, and the browser's password manager knows it. */
export function UsernameField(props: Omit<ComponentProps<typeof TextField>, "label">) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t("auth.fields.username")}
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      {...props}
    />
  );
}
