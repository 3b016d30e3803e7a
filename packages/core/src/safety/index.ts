export * from "./danger.ts";
export * from "./resources.ts";
