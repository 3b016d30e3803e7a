import { useTranslation } from "react-i18next";
import { useSos } from "./SosContext.ts";

/** "Craving SOS", beside "Get help now" on every signed-in screen. */
export function SosButton() {
  const { t } = useTranslation();
  const { openSos } = useSos();
  return (
    <button type="button" className="sos-button" aria-haspopup="dialog" onClick={openSos}>
      {t("sos.button")}
    </button>
  );
}
