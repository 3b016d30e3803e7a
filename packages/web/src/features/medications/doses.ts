/** Which answers one of today's doses offers: those core's rule allows now, none while it is still upcoming. */
import { type DoseStatus, type DueDose, doseStatusesOpen } from "@cairn/core";

export function answersOffered(dose: DueDose, now: number): DoseStatus[] {
  return dose.state === "upcoming" ? [] : doseStatusesOpen(Date.parse(dose.at), now);
}
