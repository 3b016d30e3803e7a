/** Today's daily actions from the plan, ticked off for the member's today (saved at once, per tap). */
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { usePlan, usePlanActions, useSetPlanActions } from "../../api/plan.ts";
import { LiveMessage } from "../../components/fields.tsx";
import { unavailableWhile } from "../../lib/busy.ts";
import "./plan.css";

export function TodayPlanCard({ today }: { today: string }) {
  const { t } = useTranslation();
  const plan = usePlan();
  const ticks = usePlanActions(today);
  const setTicks = useSetPlanActions();
  const actions = plan.data?.plan.dailyActions ?? [];
  const done = ticks.data?.done ?? [];
  if (!plan.data) return null;

  function toggle(id: string, on: boolean) {
    const next = on ? [...done.filter((d) => d !== id), id] : done.filter((d) => d !== id);
    // Only the plan's current actions are sent: one removed since it was ticked is dropped.
    setTicks.mutate({ date: today, done: next.filter((d) => actions.some((a) => a.id === d)) });
  }

  return (
    <section className="card today-plan" aria-labelledby="today-plan-title">
      <h2 id="today-plan-title">{t("plan.today.title")}</h2>
      {actions.length === 0 ? (
        <p>{t("plan.today.none")}</p>
      ) : (
        <ul className="today-plan__list">
          {actions.map((action) => (
            <li key={action.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={done.includes(action.id)}
                  {...unavailableWhile(!ticks.data || setTicks.isPending)}
                  onChange={(e) => toggle(action.id, e.target.checked)}
                />
                <span>{action.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <LiveMessage kind="error" message={setTicks.isError ? t("errors.generic") : undefined} />
      <Link href="/plan">{t("plan.today.open")}</Link>
    </section>
  );
}
