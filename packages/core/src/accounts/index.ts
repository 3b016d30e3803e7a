export * from "./recovery-codes.ts";
export * from "./schema.ts";
