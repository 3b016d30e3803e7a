export * from "./adherence.ts";
export * from "./schedule.ts";
export * from "./schema.ts";
