import type { Member } from "@cairn/core";
import { useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { ApiRequestError } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import type { SafeParser } from "../../lib/forms.ts";
import { useApiForm } from "../../lib/useApiForm.ts";
import { peekPendingInvite } from "../teams/pendingInvite.ts";

/**
 * Enters the signed-in app at `to`. The navigation comes first, so the signed-in routes start at the right
 * screen instead of redirecting from a signed-out one. An invite link opened before signing in goes first.
 */
export function useSignedIn(to = "/") {
  const client = useQueryClient();
  const [, navigate] = useLocation();
  return (member: Member) => {
    const invite = to === "/" ? peekPendingInvite() : undefined;
    navigate(invite ? `/join/${encodeURIComponent(invite)}` : to, { replace: true });
    client.setQueryData(keys.me, member);
  };
}

/**
 * A form that signs in (with a password, or with a recovery code): on success the member is in; a 401 means
 * the details don't match, and `wrong` says so instead of the generic sentence.
 */
export function useSignInForm<V, D>(options: {
  initial: V;
  check: SafeParser<D>;
  send: (data: D) => Promise<{ member: Member }>;
  wrong: string;
}) {
  const signedIn = useSignedIn();
  return useApiForm({
    initial: options.initial,
    check: options.check,
    send: options.send,
    onSuccess: ({ member }) => signedIn(member),
    onFailure: (error, failure) =>
      error instanceof ApiRequestError && error.status === 401
        ? { ...failure, message: options.wrong }
        : failure,
  });
}
