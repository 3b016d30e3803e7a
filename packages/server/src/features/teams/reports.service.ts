/**
 * Reports of team messages. Any member may report a message they can see, once; the report goes to the team's
 * leaders (`GET /teams/:id/reports`) and to the operator's queue (`GET /operator/reports`). Leaders and the
 * operator see the message as it stands and the reason, not who reported it, so reporting is safe to do.
 * The reason is the member's own words and is encrypted at rest.
 */
import { randomUUID } from "node:crypto";
import type { Clock, Message } from "@cairn/core";
import type { FieldCipher } from "../../crypto/field-cipher.ts";
import { invalidField, notFound } from "../../http/errors.ts";
import type { MessagesService } from "./messages.service.ts";
import type { ModerationRepository, ReportRow } from "./moderation.repository.ts";
import type { TeamsService } from "./teams.service.ts";

export interface OpenedReport {
  row: ReportRow;
  reason: string | null;
  message: Message;
}

/** The most reports one listing returns; a queue longer than this is worked from the top. */
const REPORTS_PAGE = 200;

const reasonContext = (reportId: string) => `team-report-reason:${reportId}`;

export class ReportsService {
  constructor(
    private readonly moderation: ModerationRepository,
    private readonly teams: TeamsService,
    private readonly messages: Pick<MessagesService, "list" | "presentStored">,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async report(
    memberId: string,
    teamId: string,
    seq: number,
    reason: string | undefined,
  ): Promise<{ report: OpenedReport; created: boolean }> {
    const actor = await this.teams.reader(memberId, teamId);
    const message = await this.messages.presentStored(teamId, seq);
    if (!message || seq <= (actor.membership?.joined_seq ?? 0)) throw notFound("That message");
    if (message.author?.id === memberId) throw invalidField("seq", "You can't report your own message");
    const id = randomUUID();
    const created = await this.moderation.report({
      id,
      team_id: teamId,
      seq,
      reporter_id: memberId,
      reason_enc: reason ? this.cipher.encrypt(reason, reasonContext(id)) : null,
      created_at: new Date(this.clock()).toISOString(),
    });
    const row = await this.moderation.findReport(teamId, seq, memberId);
    if (!row) throw notFound("That message");
    return { report: this.open(row, message), created };
  }

  /**
   * The team's reports, for its leaders (and the operator). A leader never sees reports about their own
   * messages: those reach the operator (and any other leader) only, or the reported leader would learn who
   * reported them in a small team.
   */
  async forTeam(memberId: string, teamId: string): Promise<OpenedReport[]> {
    await this.teams.moderator(memberId, teamId);
    const reports = await this.openAll(await this.moderation.reportsOf(teamId, REPORTS_PAGE));
    if (await this.teams.isOperator(memberId)) return reports;
    return reports.filter((report) => report.message.author?.id !== memberId);
  }

  /** Every team's reports: the operator's queue. Anyone else gets 404, as if the queue did not exist. */
  async queue(memberId: string): Promise<OpenedReport[]> {
    if (!(await this.teams.isOperator(memberId))) throw notFound("That page");
    return this.openAll(await this.moderation.reportsOf(undefined, REPORTS_PAGE));
  }

  async resolve(memberId: string, teamId: string, reportId: string): Promise<void> {
    await this.teams.moderator(memberId, teamId);
    if (!(await this.moderation.resolve(teamId, reportId, new Date(this.clock()).toISOString()))) {
      throw notFound("That report");
    }
  }

  private async openAll(rows: ReportRow[]): Promise<OpenedReport[]> {
    const opened: OpenedReport[] = [];
    for (const row of rows) {
      const message = await this.messages.presentStored(row.team_id, Number(row.seq));
      if (message) opened.push(this.open(row, message));
    }
    return opened;
  }

  private open(row: ReportRow, message: Message): OpenedReport {
    return {
      row,
      message,
      reason: row.reason_enc === null ? null : this.cipher.decrypt(row.reason_enc, reasonContext(row.id)),
    };
  }
}
