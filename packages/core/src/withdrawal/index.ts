export * from "./course.ts";
export * from "./guidance.ts";
export * from "./schema.ts";
export * from "./suggest.ts";
