/** On Today, for a member in a team: "Reach out to my team", prominent and one press away. */
import { useTranslation } from "react-i18next";
import { useTeams } from "../../api/queries.ts";
import { ReachOutButton } from "./ReachOut.tsx";
import "./teams.css";

export function TeamReachOut() {
  const { t } = useTranslation();
  const teams = useTeams();
  const list = teams.data ?? [];
  if (list.length === 0) return null;
  return (
    <section className="card reach-out-card" aria-labelledby="reach-out-title">
      <h2 id="reach-out-title">{t("app.nav.team")}</h2>
      <p className="field__hint">{t("reachOut.hint")}</p>
      {list.map((team) => (
        <ReachOutButton
          key={team.id}
          team={team}
          label={list.length === 1 ? t("reachOut.button") : t("reachOut.buttonTeam", { name: team.name })}
          showChatLink
        />
      ))}
    </section>
  );
}
