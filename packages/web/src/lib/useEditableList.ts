/**
 * The state of a list a member edits in place (their recoveries, their medications): which item is open for
 * editing or removal (or the add form), the sentence announcing what happened, and a removal that moves focus to
 * that sentence because the item and its buttons are gone.
 */
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "./forms.ts";
import { useReturnFocus } from "./useReturnFocus.ts";

export type OpenItem = { mode: "edit" | "remove"; id: string } | { mode: "add" } | undefined;

interface Removal {
  mutate: (id: string, callbacks: { onSuccess: () => void; onError: (failure: unknown) => void }) => void;
}

export function useEditableList<T extends { id: string }>(
  remove: Removal,
  removedMessage: (item: T) => string,
) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<OpenItem>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const messages = useRef<HTMLDivElement>(null);
  const addButton = useReturnFocus<HTMLButtonElement>(open?.mode === "add");

  return {
    open,
    status,
    error,
    messages,
    addButton,
    openOne(next: OpenItem) {
      setStatus(undefined);
      setError(undefined);
      setOpen(next);
    },
    done(message?: string) {
      setOpen(undefined);
      if (message) setStatus(message);
    },
    removeItem(item: T) {
      setError(undefined);
      remove.mutate(item.id, {
        onSuccess: () => {
          setOpen(undefined);
          setStatus(removedMessage(item));
          messages.current?.focus();
        },
        onError: (failure) => setError(describeError(t, failure)),
      });
    },
  };
}
