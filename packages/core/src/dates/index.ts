export * from "./calendar.ts";
export * from "./zone.ts";
