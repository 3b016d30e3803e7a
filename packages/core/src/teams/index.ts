export * from "./links.ts";
export * from "./protocol.ts";
export * from "./schema.ts";
export * from "./subscription.ts";
