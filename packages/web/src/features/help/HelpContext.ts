import { createContext, useContext } from "react";

export type HelpSection = "top" | "overdose";

export interface HelpApi {
  openHelp: (section?: HelpSection) => void;
}

export const HelpContext = createContext<HelpApi>({ openHelp: () => {} });

/** Opens the "Help now" dialog from anywhere. */
export function useHelp(): HelpApi {
  return useContext(HelpContext);
}
