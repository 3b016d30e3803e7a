import { useTranslation } from "react-i18next";
import { useHelp } from "./HelpContext.ts";

export function HelpButton() {
  const { t } = useTranslation();
  const { openHelp } = useHelp();
  return (
    <button type="button" className="help-button" aria-haspopup="dialog" onClick={() => openHelp()}>
      <span aria-hidden="true" className="help-button__icon">
        ✚
      </span>
      {t("help.button")}
    </button>
  );
}
