export * from "./coping.ts";
export * from "./danger.ts";
export * from "./limits.ts";
export * from "./schema.ts";
export * from "./summary.ts";
export * from "./timer.ts";
