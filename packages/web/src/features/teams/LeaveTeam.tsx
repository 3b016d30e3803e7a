import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmRemoval } from "../../components/fields.tsx";
import { describeError } from "../../lib/forms.ts";
import { useReturnFocus } from "../../lib/useReturnFocus.ts";
import { useTeamActions } from "./useTeamActions.ts";

/** "Leave" with a question asked in place first; the safe answer ("Stay") has the focus. */
export function LeaveTeam({
  teamId,
  name,
  onLeft,
  onError,
  block = false,
}: {
  teamId: string;
  name: string;
  onLeft: (message: string) => void;
  onError: (message: string) => void;
  block?: boolean;
}) {
  const { t } = useTranslation();
  const { leave } = useTeamActions();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const button = useReturnFocus<HTMLButtonElement>(asking);

  if (asking) {
    return (
      <ConfirmRemoval
        question={t("teams.leave.question", { name })}
        confirm={t("teams.leave.confirm")}
        keep={t("teams.leave.keep")}
        busy={busy}
        onConfirm={() => {
          setBusy(true);
          leave(teamId).then(
            () => onLeft(t("teams.leave.done", { name })),
            (error: unknown) => {
              setBusy(false);
              setAsking(false);
              onError(describeError(t, error));
            },
          );
        }}
        onKeep={() => setAsking(false)}
      />
    );
  }
  return (
    <button
      ref={button}
      type="button"
      className={`button button--quiet${block ? " button--block" : ""}`}
      aria-label={t("teams.leave.label", { name })}
      onClick={() => setAsking(true)}
    >
      {t("teams.leave.button")}
    </button>
  );
}
