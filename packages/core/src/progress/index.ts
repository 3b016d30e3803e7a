export * from "./schema.ts";
export * from "./progress.ts";
