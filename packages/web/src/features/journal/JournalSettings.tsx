/**
 * Settings → Journal lock: a choice for this device. On, the journal asks for the password each time it is
 * opened (the key is kept in the page's memory only); off, it opens until sign-out.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMember } from "../../app/session.ts";
import { LiveMessage } from "../../components/fields.tsx";
import { isJournalLocked, lockJournalNow, setJournalLocked } from "./device.ts";

/** The journal screens read whether the journal is open again (same key as `journalKeys.access`). */
const accessKey = (memberId: string) => ["journal", "access", memberId];

export function JournalSettings() {
  const { t } = useTranslation();
  const member = useMember();
  const client = useQueryClient();
  const id = useId();
  const [locked, setLocked] = useState(() => isJournalLocked(member.id));
  const [status, setStatus] = useState<string>();

  async function change(next: boolean) {
    setLocked(next);
    await setJournalLocked(member.id, next);
    await client.invalidateQueries({ queryKey: accessKey(member.id) });
    setStatus(t("journal.lock.saved"));
  }

  async function lockNow() {
    await lockJournalNow(member.id);
    await client.invalidateQueries({ queryKey: accessKey(member.id) });
    setStatus(t("journal.lock.locked"));
  }

  return (
    <section className="card" aria-labelledby="journal-lock-title">
      <h2 id="journal-lock-title">{t("journal.lock.title")}</h2>
      <p id={`${id}-hint`} className="field__hint">
        {t("journal.lock.hint")}
      </p>
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          aria-describedby={`${id}-hint`}
          checked={locked}
          onChange={(event) => void change(event.target.checked)}
        />
        <label htmlFor={id}>{t("journal.lock.label")}</label>
      </div>
      <button type="button" className="button button--block" onClick={() => void lockNow()}>
        {t("journal.lock.now")}
      </button>
      <LiveMessage kind="status" message={status} />
    </section>
  );
}
