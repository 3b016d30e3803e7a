/**
 * The recovery plan: one document per member, saved whole; each save that changes it becomes a new version,
 * kept so the member can look back. The plan is the member's own words throughout, so each version is
 * encrypted at rest, bound to its member and version number. A save may name the version it was edited from
 * (`baseVersion`): if another device saved since, it is refused with 409 rather than silently overwritten.
 * Daily actions ticked off on a day are stored per local date; a day not yet begun for the member is refused.
 */
import {
  actionsDateProblem,
  type Clock,
  EMPTY_PLAN,
  localDateAt,
  type Plan,
  type PlanActions,
  type PlanInput,
  type PlanSave,
  type PlanSaved,
  type PlanVersionSummary,
  planDanger,
} from "@cairn/core";
import type { FieldCipher } from "../../crypto/field-cipher.ts";
import { conflict, invalidField, notFound } from "../../http/errors.ts";
import type { ActiveSession } from "../sessions/sessions.service.ts";
import type { PlanRepository, PlanVersionRow } from "./plan.repository.ts";

type Member = Pick<ActiveSession, "memberId" | "timezone">;

const planContext = (memberId: string, version: number) => `plan:${memberId}:${version}`;

export class PlanService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async get(member: Member): Promise<Plan> {
    return this.open(await this.plans.latest(member.memberId));
  }

  async save(member: Member, body: PlanSave): Promise<PlanSaved> {
    const { baseVersion, ...plan } = body;
    const text = JSON.stringify(plan);
    let previous: PlanInput = EMPTY_PLAN;
    const saved = await this.plans.save(member.memberId, this.nowIso(), (latest, version) => {
      const current = latest?.version ?? 0;
      if (baseVersion !== undefined && baseVersion !== current) {
        throw conflict(
          "baseVersion",
          "Your plan was changed on another device since you opened it. Reload it to see the changes.",
        );
      }
      if (latest) {
        const stored = this.cipher.decrypt(latest.plan_enc, planContext(member.memberId, latest.version));
        // Saving the same plan again stores nothing: a retried save makes no extra version.
        if (stored === text) return null;
        previous = JSON.parse(stored) as PlanInput;
      }
      return { plan_enc: this.cipher.encrypt(text, planContext(member.memberId, version)) };
    });
    const support = saved.created ? planDanger(previous, plan) : { danger: [] };
    return { ...this.open(saved.row), support };
  }

  /** The ids of the triggers in the member's current plan (other features check a reference against them). */
  async triggerIds(memberId: string): Promise<string[]> {
    const { plan } = this.open(await this.plans.latest(memberId));
    return plan.triggers.map((trigger) => trigger.id);
  }

  async versions(member: Member): Promise<PlanVersionSummary[]> {
    const rows = await this.plans.listVersions(member.memberId);
    return rows.map((r) => ({ version: r.version, savedAt: r.saved_at }));
  }

  async version(member: Member, version: number): Promise<Plan> {
    const row = await this.plans.version(member.memberId, version);
    if (!row) throw notFound("That version of your plan");
    return this.open(row);
  }

  async actions(member: Member, date: string): Promise<PlanActions> {
    return { date, done: await this.plans.ticks(member.memberId, date) };
  }

  /** Replaces the day's ticked actions; each must be one of the plan's current daily actions. */
  async setActions(member: Member, date: string, done: readonly string[]): Promise<PlanActions> {
    const problem = actionsDateProblem(date, localDateAt(this.clock(), member.timezone));
    if (problem) throw invalidField("date", problem);
    const { plan } = await this.get(member);
    const ids = new Set(plan.dailyActions.map((a) => a.id));
    done.forEach((id, i) => {
      if (!ids.has(id)) throw invalidField(`done.${i}`, "That isn't one of your daily actions");
    });
    await this.plans.setTicks(member.memberId, date, done, this.nowIso());
    return { date, done: [...done] };
  }

  private open(row: PlanVersionRow | undefined): Plan {
    if (!row) return { plan: EMPTY_PLAN, version: 0, savedAt: null };
    const plan = this.cipher.decryptJson<PlanInput>(row.plan_enc, planContext(row.member_id, row.version));
    return { plan, version: row.version, savedAt: row.saved_at };
  }

  private nowIso(): string {
    return new Date(this.clock()).toISOString();
  }
}
