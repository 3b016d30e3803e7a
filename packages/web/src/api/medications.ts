/**
 * The medications API and its queries. Every change refreshes everything under the "medications" key: the
 * list, today's doses and adherence all follow from the same records.
 */
import type {
  Adherence,
  DoseLog,
  DoseLogInput,
  DueDose,
  Medication,
  MedicationInput,
  MedicationPatch,
  MedicationToday,
} from "@cairn/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";

const BASE = "/api/v1/medications";
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const medicationsApi = {
  list: () => request<{ medications: Medication[] }>("GET", BASE),
  create: (input: MedicationInput) => request<{ medication: Medication }>("POST", BASE, { body: input }),
  patch: (id: string, patch: MedicationPatch) =>
    request<{ medication: Medication }>("PATCH", one(id), { body: patch }),
  remove: (id: string) => request<void>("DELETE", one(id)),
  logDose: (id: string, input: DoseLogInput) =>
    request<{ dose: DoseLog; state: DueDose }>("POST", `${one(id)}/doses`, { body: input }),
  today: () => request<MedicationToday>("GET", `${BASE}/today`),
  adherence: () => request<Adherence>("GET", `${BASE}/adherence`),
};

export const medicationKeys = {
  all: ["medications"] as const,
  list: ["medications", "list"] as const,
  today: ["medications", "today"] as const,
  adherence: ["medications", "adherence"] as const,
};

export function useMedications() {
  return useQuery({
    queryKey: medicationKeys.list,
    queryFn: async () => (await medicationsApi.list()).medications,
  });
}

export function useMedicationToday() {
  return useQuery({ queryKey: medicationKeys.today, queryFn: medicationsApi.today });
}

export function useAdherence() {
  return useQuery({ queryKey: medicationKeys.adherence, queryFn: medicationsApi.adherence });
}

/** A mutation after which every medication read is fetched again. */
function useMedicationChange<I, R>(mutationFn: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: medicationKeys.all }),
  });
}

export const useCreateMedication = () => useMedicationChange(medicationsApi.create);
export const usePatchMedication = () =>
  useMedicationChange(({ id, patch }: { id: string; patch: MedicationPatch }) =>
    medicationsApi.patch(id, patch),
  );
export const useDeleteMedication = () => useMedicationChange(medicationsApi.remove);
export const useLogDose = () =>
  useMedicationChange(({ id, input }: { id: string; input: DoseLogInput }) =>
    medicationsApi.logDose(id, input),
  );
