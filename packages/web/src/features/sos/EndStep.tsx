/** The end of an SOS: the urge re-rated and what helped, recorded on the episode. */
import { dangerInWords, SOS_LIMITS, type SosEpisode } from "@cairn/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../../api/client.ts";
import { useTeams } from "../../api/queries.ts";
import { useEndSos } from "../../api/sos.ts";
import { Chips, ChoiceGroup } from "../../components/choices.tsx";
import { LiveMessage, TextField } from "../../components/fields.tsx";
import { unavailableWhile } from "../../lib/busy.ts";
import { describeError } from "../../lib/forms.ts";
import { ScaleField } from "../checkins/ScaleField.tsx";
import type { Ride } from "./SosDialog.tsx";

const FIXED = ["breathing", "timer", "reachedOut", "team"] as const;

export function EndStep({
  ride,
  steps,
  focusOnShow,
  onDanger,
  onEnded,
  onAlreadyEnded,
}: {
  /** The rating it started at, and the recorded episode (none when the start wasn't recorded). */
  ride: Pick<Ride, "craving" | "episodeId">;
  /** The member's own steps for the trigger, offered as things that helped. */
  steps: readonly string[];
  /** The member asked to finish (not the timer): the form takes the focus. */
  focusOnShow: boolean;
  onDanger: () => void;
  onEnded: (episode: SosEpisode | "unsaved") => void;
  /** The server says this episode has already ended (closed elsewhere): without it, the error shows here. */
  onAlreadyEnded?: () => void;
}) {
  const { t } = useTranslation();
  const end = useEndSos();
  const [craving, setCraving] = useState(ride.craving);
  const [helped, setHelped] = useState<string[]>([]);
  const [ownWords, setOwnWords] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const hasTeam = (useTeams().data ?? []).length > 0;
  const fixed = FIXED.filter((key) => key !== "team" || hasTeam);
  const options = [...steps, ...fixed.map((key) => t(`sos.end.${key}`))].slice(0, SOS_LIMITS.helpedMax - 1);

  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const own = ownWords.trim().slice(0, SOS_LIMITS.helpedItemMax);
    const all = own && !helped.includes(own) ? [...helped, own] : helped;
    // Safety first: danger language opens help here, whatever happens to the request.
    const dangerShown = dangerInWords(all).length > 0;
    if (dangerShown) onDanger();
    if (!ride.episodeId) {
      onEnded("unsaved");
      return;
    }
    end.mutate(
      { id: ride.episodeId, input: { craving, helped: all } },
      {
        onSuccess: (saved) => {
          if (saved.support.danger.length > 0 && !dangerShown) onDanger();
          onEnded(saved.episode);
        },
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409) onAlreadyEnded?.();
        },
      },
    );
  }

  return (
    <form className="sos-end card" onSubmit={submit} aria-labelledby="sos-end-title">
      <h3 id="sos-end-title" ref={heading} tabIndex={-1}>
        {t("sos.end.title")}
      </h3>
      <ScaleField
        label={t("sos.end.craving")}
        hint={t("sos.end.cravingHint")}
        name="craving-end"
        value={craving}
        onChange={setCraving}
      />
      <ChoiceGroup legend={t("sos.end.helped")} hint={t("sos.end.helpedHint")}>
        <Chips
          name="helped"
          options={options}
          selected={helped}
          label={(option) => option}
          onChange={(option, checked) =>
            setHelped((list) => (checked ? [...list, option] : list.filter((h) => h !== option)))
          }
        />
        <TextField
          label={t("sos.end.ownWords")}
          name="helped-own"
          value={ownWords}
          maxLength={SOS_LIMITS.helpedItemMax}
          onChange={(e) => setOwnWords(e.target.value)}
        />
      </ChoiceGroup>
      <LiveMessage kind="error" message={end.isError ? describeError(t, end.error) : undefined} />
      <button
        type="submit"
        className="button button--primary button--block"
        {...unavailableWhile(end.isPending)}
      >
        {end.isPending ? t("sos.end.saving") : t("sos.end.save")}
      </button>
    </form>
  );
}
