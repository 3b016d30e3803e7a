/**
 * Medication support: a member's medications, their scheduled doses and the doses they log. Rules: at most
 * MEDICATION_LIMITS.medicationsMax medications; "other" keeps its name; a dose is logged only for one of the
 * schedule's times on that date, once its time has come (core medications/schedule.ts), and logging it again
 * changes its status. Today, visits and adherence are computed by core from the schedules and the logs, in the
 * member's zone, with the server's clock. Another member's medication is "not found", never "forbidden".
 * The member's own words (name, dose, clinic, notes) are encrypted at rest, bound to the member and medication.
 */
import { randomUUID } from "node:crypto";
import {
  type Adherence,
  addDays,
  adherence,
  type Clock,
  type Dose,
  type DoseLog,
  type DoseLogInput,
  type DoseStatus,
  type DueDose,
  doseInstant,
  doseLogProblem,
  doseState,
  dosesToday,
  ERROR_CODES,
  localDateAt,
  MEDICATION_LIMITS,
  type MedicationInput,
  type MedicationKind,
  type MedicationPatch,
  type MedicationToday,
  type Schedule,
  type ScheduledMedication,
  upcomingVisits,
} from "@cairn/core";
import type { FieldCipher } from "../../crypto/field-cipher.ts";
import { AppError, invalidField, notFound } from "../../http/errors.ts";
import type { ActiveSession } from "../sessions/sessions.service.ts";
import type {
  DoseRow,
  MedicationChanges,
  MedicationRow,
  MedicationsRepository,
} from "./medications.repository.ts";

type Member = Pick<ActiveSession, "memberId" | "timezone">;

/** The member's words about a medication, stored as one encrypted JSON value. */
export interface MedicationDetails {
  name: string | null;
  dose: Dose;
  clinic: string | null;
  notes: string | null;
}

/** A medication with its encrypted details opened: what the presenter shapes for the wire. */
export interface OpenedMedication {
  row: MedicationRow;
  kind: MedicationKind;
  details: MedicationDetails;
  schedule: Schedule;
}

export interface LoggedDoseResult {
  created: boolean;
  dose: DoseLog;
  state: DueDose;
}

const detailsContext = (memberId: string, id: string) => `medication:${memberId}:${id}`;

const blankToNull = (text: string | null | undefined) => (text ? text : null);

function asScheduled(medication: OpenedMedication): ScheduledMedication {
  return {
    id: medication.row.id,
    schedule: medication.schedule,
    atClinic: medication.row.at_clinic === 1,
    takeHome: { nextPickup: medication.row.next_pickup },
  };
}

function loggedDoses(rows: readonly DoseRow[]) {
  return rows.map((row) => ({
    medicationId: row.medication_id,
    date: row.date,
    time: row.time,
    status: row.status as DoseStatus,
  }));
}

export class MedicationsService {
  constructor(
    private readonly medications: MedicationsRepository,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async list(member: Member): Promise<OpenedMedication[]> {
    return (await this.medications.listFor(member.memberId)).map((row) => this.open(row));
  }

  async get(member: Member, id: string): Promise<OpenedMedication> {
    const row = await this.medications.findFor(member.memberId, id);
    if (!row) throw notFound("That medication");
    return this.open(row);
  }

  async create(member: Member, input: MedicationInput): Promise<OpenedMedication> {
    const existing = await this.medications.listFor(member.memberId);
    if (existing.length >= MEDICATION_LIMITS.medicationsMax) {
      throw new AppError(
        422,
        ERROR_CODES.invalid,
        `You can keep at most ${MEDICATION_LIMITS.medicationsMax} medications`,
      );
    }
    const now = new Date(this.clock()).toISOString();
    const id = randomUUID();
    const details: MedicationDetails = {
      name: blankToNull(input.name),
      dose: input.dose,
      clinic: blankToNull(input.clinic),
      notes: blankToNull(input.notes),
    };
    const row: MedicationRow = {
      id,
      member_id: member.memberId,
      kind: input.kind,
      details_enc: this.cipher.encryptJson(details, detailsContext(member.memberId, id)),
      schedule: JSON.stringify(input.schedule),
      at_clinic: input.atClinic ? 1 : 0,
      take_home_remaining: input.takeHome?.remaining ?? null,
      next_pickup: input.takeHome?.nextPickup ?? null,
      created_at: now,
      updated_at: now,
    };
    await this.medications.insert(row);
    return this.open(row);
  }

  async update(member: Member, id: string, patch: MedicationPatch): Promise<OpenedMedication> {
    const current = await this.get(member, id);
    const kind = patch.kind ?? current.kind;
    const details: MedicationDetails = {
      name: patch.name !== undefined ? blankToNull(patch.name) : current.details.name,
      dose: patch.dose ?? current.details.dose,
      clinic: patch.clinic !== undefined ? blankToNull(patch.clinic) : current.details.clinic,
      notes: patch.notes !== undefined ? blankToNull(patch.notes) : current.details.notes,
    };
    if (kind === "other" && !details.name) throw invalidField("name", "Say which medication this is");
    const changes: MedicationChanges = {
      kind,
      details_enc: this.cipher.encryptJson(details, detailsContext(member.memberId, id)),
      updated_at: new Date(this.clock()).toISOString(),
    };
    if (patch.schedule) changes.schedule = JSON.stringify(patch.schedule);
    if (patch.atClinic !== undefined) changes.at_clinic = patch.atClinic ? 1 : 0;
    if (patch.takeHome !== undefined) {
      changes.take_home_remaining = patch.takeHome?.remaining ?? null;
      changes.next_pickup = patch.takeHome?.nextPickup ?? null;
    }
    const updated = await this.medications.updateFor(member.memberId, id, changes);
    if (!updated) throw notFound("That medication");
    return this.open(updated);
  }

  async remove(member: Member, id: string): Promise<void> {
    if (!(await this.medications.deleteFor(member.memberId, id))) throw notFound("That medication");
  }

  async logDose(member: Member, id: string, input: DoseLogInput): Promise<LoggedDoseResult> {
    const medication = await this.get(member, id);
    const now = this.clock();
    const problem = doseLogProblem(medication.schedule, input, now, member.timezone);
    if (problem) throw invalidField(problem.field, problem.message);
    const row: DoseRow = {
      medication_id: id,
      member_id: member.memberId,
      date: input.date,
      time: input.time,
      status: input.status,
      logged_at: new Date(now).toISOString(),
    };
    const { created } = await this.medications.logDose(row);
    const at = doseInstant(input.date, input.time, member.timezone);
    return {
      created,
      dose: {
        medicationId: id,
        date: input.date,
        time: input.time,
        status: input.status,
        loggedAt: row.logged_at,
      },
      state: {
        medicationId: id,
        date: input.date,
        time: input.time,
        at: new Date(at).toISOString(),
        state: doseState({ date: input.date, time: input.time, at }, input.status, now),
      },
    };
  }

  /** Today's doses with their state, and clinic visits and pickups in the next 14 days. */
  async today(member: Member): Promise<MedicationToday> {
    const now = this.clock();
    const today = localDateAt(now, member.timezone);
    const medications = (await this.list(member)).map(asScheduled);
    const logs = await this.medications.dosesBetween(member.memberId, today, today);
    return {
      date: today,
      doses: dosesToday(medications, loggedDoses(logs), today, now, member.timezone),
      visits: upcomingVisits(medications, today),
    };
  }

  async adherence(member: Member): Promise<Adherence> {
    const now = this.clock();
    const today = localDateAt(now, member.timezone);
    const medications = (await this.list(member)).map(asScheduled);
    const from = addDays(today, -(MEDICATION_LIMITS.adherenceDays - 1));
    const logs = await this.medications.dosesBetween(member.memberId, from, today);
    return adherence(medications, loggedDoses(logs), today, now, member.timezone);
  }

  private open(row: MedicationRow): OpenedMedication {
    return {
      row,
      kind: row.kind as MedicationKind,
      details: this.cipher.decryptJson<MedicationDetails>(
        row.details_enc,
        detailsContext(row.member_id, row.id),
      ),
      schedule: JSON.parse(row.schedule) as Schedule,
    };
  }
}
