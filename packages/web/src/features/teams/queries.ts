/** Reads the team screens share (the list itself is `useTeams` in api/queries.ts, for the nav's badge). */
import type { Block } from "@cairn/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queries.ts";

export function useBlocks() {
  return useQuery({ queryKey: keys.blocks, queryFn: async () => (await api.blocks()).blocks });
}

/** The ids of members the viewer blocked: their messages are not shown anywhere. */
export function useHiddenAuthors(): ReadonlySet<string> {
  const blocks = useBlocks();
  return useMemo(() => new Set((blocks.data ?? []).map((b) => b.memberId)), [blocks.data]);
}

export function useBlockChanges() {
  const client = useQueryClient();
  return {
    blocked: (block: Block) => {
      client.setQueryData<Block[]>(keys.blocks, (list) => [
        ...(list ?? []).filter((b) => b.memberId !== block.memberId),
        block,
      ]);
      // Their messages no longer count as unread.
      void client.invalidateQueries({ queryKey: keys.teams, exact: true });
    },
    unblocked: (memberId: string) => {
      client.setQueryData<Block[]>(keys.blocks, (list) => list?.filter((b) => b.memberId !== memberId));
      void client.invalidateQueries({ queryKey: keys.teams, exact: true });
    },
  };
}

export function useTeamDetail(teamId: string) {
  // Members join, leave and are muted while the screen is closed: read again each time it opens.
  return useQuery({ queryKey: keys.team(teamId), queryFn: () => api.team(teamId), staleTime: 0 });
}

/** The team an invite opens, named before joining. A refused code is not asked again. */
export function useInvitePreview(code: string | undefined) {
  return useQuery({
    queryKey: keys.invitePreview(code ?? ""),
    queryFn: () => api.previewInvite({ code: code ?? "" }),
    enabled: code !== undefined,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
