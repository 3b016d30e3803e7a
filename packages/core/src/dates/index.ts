export * from "./calendar.ts";
export * from "./display.ts";
export * from "./zone.ts";
