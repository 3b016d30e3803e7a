export * from "./entries.ts";
export * from "./errors.ts";
export * from "./export.ts";
export * from "./keys.ts";
export * from "./schema.ts";
export * from "./search.ts";
export * from "./text.ts";
export type * from "./webcrypto.ts";
