import type { Checkin, Recovery } from "@cairn/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useCheckinPages, useDeleteCheckin, useRecoveries } from "../../api/queries.ts";
import { LoadFailed, Loading } from "../../app/Loading.tsx";
import { useMember } from "../../app/session.ts";
import { Announcements, ConfirmRemoval } from "../../components/fields.tsx";
import { Page } from "../../components/Page.tsx";
import { unavailableWhile } from "../../lib/busy.ts";
import { describeLocalDate } from "../../lib/dates.ts";
import { describeError } from "../../lib/forms.ts";
import { recoveryName } from "../../lib/recoveryName.ts";
import { useReturnFocus } from "../../lib/useReturnFocus.ts";
import { useToday } from "../../lib/useToday.ts";
import { earliestRelevantDate } from "./range.ts";
import "./history.css";

interface ItemProps {
  checkin: Checkin;
  recoveries: readonly Recovery[];
  confirming: boolean;
  deleting: boolean;
  onAskDelete: () => void;
  onCancel: () => void;
  onDelete: () => void;
}

function HistoryItem({
  checkin,
  recoveries,
  confirming,
  deleting,
  onAskDelete,
  onCancel,
  onDelete,
}: ItemProps) {
  const { t, i18n } = useTranslation();
  const full = describeLocalDate(checkin.date, i18n.language, "full");
  // "Keep it" removes the question: focus goes back to the button that asked it.
  const deleteButton = useReturnFocus<HTMLButtonElement>(confirming);
  const usedNames = checkin.uses
    .filter((use) => use.used)
    .map((use) => {
      const recovery = recoveries.find((r) => r.id === use.recoveryId);
      return recovery ? recoveryName(t, recovery) : t("history.deletedRecovery");
    });
  return (
    <li className="card history-item">
      <h2 className="history-item__date">{full}</h2>
      <ul className="history-item__facts">
        <li>{t("history.mood", { value: checkin.mood })}</li>
        <li>{t("history.craving", { value: checkin.craving })}</li>
        <li>{t("history.confidence", { value: checkin.confidence })}</li>
      </ul>
      <p className={usedNames.length > 0 ? "history-item__used" : "history-item__not-used"}>
        {usedNames.length > 0 ? t("history.used", { names: usedNames.join(", ") }) : t("history.notUsed")}
      </p>
      {confirming ? (
        <ConfirmRemoval
          question={t("history.confirmDelete", { date: full })}
          confirm={t("history.confirm")}
          keep={t("history.cancel")}
          busy={deleting}
          onConfirm={onDelete}
          onKeep={onCancel}
        />
      ) : (
        <div className="button-row">
          <Link
            className="button"
            href={`/?date=${checkin.date}`}
            aria-label={t("history.editLabel", { date: full })}
          >
            {t("history.edit")}
          </Link>
          <button
            ref={deleteButton}
            type="button"
            className="button button--quiet"
            aria-label={t("history.deleteLabel", { date: full })}
            onClick={onAskDelete}
          >
            {t("history.delete")}
          </button>
        </div>
      )}
    </li>
  );
}

export function HistoryPage() {
  const { t, i18n } = useTranslation();
  const member = useMember();
  const today = useToday(member.timezone);
  const pages = useCheckinPages(today);
  const recoveries = useRecoveries();
  const remove = useDeleteCheckin();
  const [confirming, setConfirming] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const loaded = pages.data?.pages ?? [];
  const checkins = loaded.flatMap((page) => page.checkins);
  const oldest = loaded.at(-1)?.from;
  const earliest = earliestRelevantDate(member.createdAt, member.timezone, recoveries.data ?? []);
  // Older pages can hold something while the last one did, or while they are after the account's first day.
  const hasMore = oldest !== undefined && (oldest > earliest || (loaded.at(-1)?.checkins.length ?? 0) > 0);

  function deleteCheckin(date: string) {
    setError(undefined);
    remove.mutate(date, {
      onSuccess: () => {
        setConfirming(undefined);
        setStatus(t("history.deleted", { date: describeLocalDate(date, i18n.language, "full") }));
        statusRef.current?.focus();
      },
      onError: (failure) => setError(describeError(t, failure)),
    });
  }

  return (
    <Page title={t("history.title")} className="history">
      <p>{t("history.intro")}</p>
      <Announcements ref={statusRef} status={status} error={error} />
      {pages.isPending ? (
        <Loading />
      ) : pages.isError && loaded.length === 0 ? (
        <LoadFailed onRetry={() => void pages.refetch()} />
      ) : (
        <>
          {checkins.length === 0 ? <p className="notice">{t("history.empty")}</p> : null}
          <ul className="history__list">
            {checkins.map((checkin) => (
              <HistoryItem
                key={checkin.date}
                checkin={checkin}
                recoveries={recoveries.data ?? []}
                confirming={confirming === checkin.date}
                deleting={remove.isPending}
                onAskDelete={() => setConfirming(checkin.date)}
                onCancel={() => setConfirming(undefined)}
                onDelete={() => deleteCheckin(checkin.date)}
              />
            ))}
          </ul>
          {oldest ? (
            <p className="history__since">
              {t("history.showingSince", { date: describeLocalDate(oldest, i18n.language) })}
            </p>
          ) : null}
          {hasMore ? (
            <button
              type="button"
              className="button button--block"
              {...unavailableWhile(pages.isFetchingNextPage)}
              onClick={() => void pages.fetchNextPage()}
            >
              {t("history.loadOlder")}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}
