export * from "./elapsed.ts";
export * from "./milestones.ts";
export * from "./progress.ts";
export * from "./runs.ts";
export * from "./schema.ts";
