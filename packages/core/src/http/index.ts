export * from "./errors.ts";
export * from "./fields.ts";
