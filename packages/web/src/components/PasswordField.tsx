import { type InputHTMLAttributes, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "./fields.tsx";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  label: string;
  hint?: string;
  error?: string | undefined;
};

/** A password input with a "Show password" switch: typing on a small screen is easier when you can see it. */
export function PasswordField(props: Props) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const toggleId = useId();
  return (
    <div className="password-field">
      <TextField {...props} type={visible ? "text" : "password"} spellCheck={false} autoCapitalize="none" />
      <div className="checkbox checkbox--small">
        <input
          id={toggleId}
          type="checkbox"
          checked={visible}
          onChange={(e) => setVisible(e.target.checked)}
        />
        <label htmlFor={toggleId}>{t("form.showPassword")}</label>
      </div>
    </div>
  );
}
