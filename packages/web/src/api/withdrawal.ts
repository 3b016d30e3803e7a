/** The withdrawal tracker's API calls and their queries. */
import type { WithdrawalCheck, WithdrawalCheckInput, WithdrawalCheckSaved } from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { query, request } from "./client.ts";

const PATH = "/api/v1/withdrawal";

export const withdrawalApi = {
  record: (input: WithdrawalCheckInput) => request<WithdrawalCheckSaved>("POST", PATH, { body: input }),
  list: (from: string, to: string) =>
    request<{ checks: WithdrawalCheck[] }>("GET", `${PATH}${query({ from, to })}`),
};

const withdrawalKey = ["withdrawal"] as const;

/** The member's checks dated `from` to `to`, oldest first. */
export function useWithdrawalChecks(from: string, to: string) {
  return useQuery({
    queryKey: [...withdrawalKey, from, to],
    queryFn: async () => (await withdrawalApi.list(from, to)).checks,
  });
}

export function useRecordWithdrawalCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: withdrawalApi.record,
    onSuccess: () => client.invalidateQueries({ queryKey: withdrawalKey }),
  });
}
