export * from "./accounts/index.ts";
export * from "./checkins/index.ts";
export * from "./dates/index.ts";
export * from "./http/index.ts";
export * from "./members/index.ts";
export * from "./progress/index.ts";
export * from "./recoveries/index.ts";
export * from "./safety/index.ts";
