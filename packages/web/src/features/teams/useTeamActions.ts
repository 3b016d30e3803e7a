/** Team changes that the list, the chat and the live connection must all hear about at once. */
import type { Team } from "@cairn/core";
import { useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queries.ts";
import { useLive } from "./live/liveContext.ts";

export function useTeamActions() {
  const client = useQueryClient();
  const live = useLive();

  /** A team created or joined: in the list and followed live before the list is read again. */
  function arrived(team: Team) {
    client.setQueryData<Team[]>(keys.teams, (list) =>
      list ? [...list.filter((t) => t.id !== team.id), team] : [team],
    );
    live.store?.joined(team.id, team.lastSeq);
    void client.invalidateQueries({ queryKey: keys.teams, exact: true });
  }

  /** Leaves a team: its `removed` frame is expected, not news. */
  async function leave(teamId: string) {
    live.leaving(teamId);
    await api.leaveTeam(teamId);
    client.setQueryData<Team[]>(keys.teams, (list) => list?.filter((t) => t.id !== teamId));
    client.removeQueries({ queryKey: keys.team(teamId) });
    void client.invalidateQueries({ queryKey: keys.teams, exact: true });
  }

  return { arrived, leave };
}
