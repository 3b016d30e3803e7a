import { createContext, useContext } from "react";

export interface SosApi {
  openSos: () => void;
  /** An episode was finished or closed outside the dialog (the record of urges): if it is the ride, it goes. */
  episodeEnded: (episodeId: string) => void;
}

export const SosContext = createContext<SosApi>({ openSos: () => {}, episodeEnded: () => {} });

/** Opens the craving SOS from anywhere (signed in). */
export function useSos(): SosApi {
  return useContext(SosContext);
}
