export * from "./progress.ts";
export * from "./schema.ts";
