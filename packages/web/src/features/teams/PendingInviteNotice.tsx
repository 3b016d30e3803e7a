import { useTranslation } from "react-i18next";
import { peekPendingInvite } from "./pendingInvite.ts";

/** On the sign-in and sign-up screens: an invite link brought the visitor here, and it is kept for them. */
export function PendingInviteNotice() {
  const { t } = useTranslation();
  return peekPendingInvite() ? <p className="notice">{t("teams.join.waitingForSignIn")}</p> : null;
}
