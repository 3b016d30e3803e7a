/**
 * What the member's teams see of their check-ins (notes never), and the members they blocked. Sharing has its
 * defaults on the server (that they checked in, the day count and milestones; mood and craving only if they
 * opt in).
 */
import { type Sharing, sharingSchema } from "@cairn/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queries.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { Choice, ChoiceGroup } from "../../components/choices.tsx";
import { Announcements, FormEnd } from "../../components/fields.tsx";
import { describeError } from "../../lib/forms.ts";
import { useApiForm } from "../../lib/useApiForm.ts";
import { useBlockChanges, useBlocks } from "../teams/queries.ts";

const CHOICES = ["checkins", "milestones", "mood", "craving"] as const satisfies readonly (keyof Sharing)[];

function SharingForm({ saved }: { saved: Sharing }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useApiForm({
    initial: saved,
    check: sharingSchema,
    send: api.saveSharing,
    savedMessage: t("sharing.saved"),
    onSuccess: ({ sharing }) => {
      client.setQueryData(keys.sharing, sharing);
      form.setValues(sharing);
    },
  });
  const values = form.values;
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="stack">
      <ChoiceGroup legend={t("sharing.legend")} hint={t("sharing.withCheckins")}>
        <div className="checkbox-list">
          {CHOICES.map((choice) => (
            <div key={choice} className="checkbox">
              <Choice
                name={`sharing-${choice}`}
                className=""
                checked={values[choice]}
                onChange={(checked) =>
                  form.update(
                    choice === "checkins" && !checked
                      ? { checkins: false, mood: false, craving: false }
                      : choice !== "checkins" && choice !== "milestones" && checked
                        ? { [choice]: true, checkins: true }
                        : { [choice]: checked },
                  )
                }
              >
                {t(`sharing.${choice}`)}
              </Choice>
            </div>
          ))}
        </div>
      </ChoiceGroup>
      <p className="notice">
        <span aria-hidden="true">🔒 </span>
        {t("sharing.notesNever")}
      </p>
      <FormEnd form={form} submit={t("sharing.save")} />
    </form>
  );
}

function BlockedMembers() {
  const { t } = useTranslation();
  const blocks = useBlocks();
  const changes = useBlockChanges();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const messages = useRef<HTMLDivElement>(null);
  if (!blocks.data || blocks.data.length === 0) {
    return status ? <Announcements ref={messages} status={status} error={error} /> : null;
  }
  return (
    <section className="card" aria-labelledby="blocks-title">
      <h2 id="blocks-title">{t("blocks.title")}</h2>
      <p>{t("blocks.intro")}</p>
      <Announcements ref={messages} status={status} error={error} />
      <ul className="member-list">
        {blocks.data.map((block) => (
          <li key={block.memberId} className="member-item">
            <p className="member-item__name">{block.alias}</p>
            <button
              type="button"
              className="button"
              aria-label={t("blocks.unblockLabel", { alias: block.alias })}
              onClick={() =>
                api.unblock(block.memberId).then(
                  () => {
                    changes.unblocked(block.memberId);
                    setError(undefined);
                    setStatus(t("blocks.unblocked", { alias: block.alias }));
                    messages.current?.focus();
                  },
                  (failure: unknown) => setError(describeError(t, failure)),
                )
              }
            >
              {t("blocks.unblock")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function TeamSettings() {
  const { t } = useTranslation();
  const sharing = useQuery({
    queryKey: keys.sharing,
    queryFn: async () => (await api.sharing()).sharing,
  });
  return (
    <>
      <section className="card" aria-labelledby="sharing-title">
        <h2 id="sharing-title">{t("sharing.title")}</h2>
        <p>{t("sharing.intro")}</p>
        {sharing.data ? (
          <SharingForm saved={sharing.data} />
        ) : sharing.isError ? (
          <LoadFailed onRetry={() => void sharing.refetch()} />
        ) : (
          <Loading />
        )}
      </section>
      <BlockedMembers />
    </>
  );
}
