import type { Medication } from "@cairn/core";
import type { OpenedMedication } from "./medications.service.ts";

/** The fields of a medication that reach the wire; the owner's id and the ciphertext stay behind. */
export function presentMedication({ row, kind, details, schedule }: OpenedMedication): Medication {
  return {
    id: row.id,
    kind,
    name: details.name,
    dose: details.dose,
    schedule,
    atClinic: row.at_clinic === 1,
    clinic: details.clinic,
    notes: details.notes,
    takeHome:
      row.take_home_remaining === null
        ? null
        : { remaining: row.take_home_remaining, nextPickup: row.next_pickup },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
