export * from "./api.ts";
export * from "./schema.ts";
export * from "./strategies.ts";
export * from "./text.ts";
