import { createContext, useContext } from "react";

export interface SosApi {
  openSos: () => void;
}

export const SosContext = createContext<SosApi>({ openSos: () => {} });

/** Opens the craving SOS from anywhere (signed in). */
export function useSos(): SosApi {
  return useContext(SosContext);
}
