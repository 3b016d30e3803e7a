import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration from the environment", () => {
  it("starts with safe defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/data$/);
    expect(config.session.secureCookie).toBe(false);
    expect(config.session.idleMs).toBe(14 * 86_400_000);
    expect(config.session.maxMs).toBe(60 * 86_400_000);
  });

  it("names each wrong variable in one clear sentence", () => {
    const problems = problemsOf({
      PORT: "eighty",
      DATABASE_URL: "mysql://x",
      PUBLIC_URL: "cairn.example.org",
      LOG_LEVEL: "loud",
      CAIRN_MASTER_KEY: "short",
      SESSION_IDLE_DAYS: "-1",
    });
    expect(problems.join("\n")).toMatch(/^PORT: PORT must be a whole number/m);
    expect(problems.join("\n")).toMatch(/^DATABASE_URL: .*postgres:\/\//m);
    expect(problems.join("\n")).toMatch(/^PUBLIC_URL: /m);
    expect(problems.join("\n")).toMatch(/^LOG_LEVEL: /m);
    expect(problems.join("\n")).toMatch(/^CAIRN_MASTER_KEY: .*openssl rand -base64 32/m);
    expect(problems.join("\n")).toMatch(/^SESSION_IDLE_DAYS: /m);
  });

  it("refuses an idle timeout longer than the absolute one", () => {
    expect(problemsOf({ SESSION_IDLE_DAYS: "90", SESSION_MAX_DAYS: "30" })).toEqual([
      "SESSION_IDLE_DAYS must not be longer than SESSION_MAX_DAYS",
    ]);
  });

  it("marks cookies Secure when the public address is https", () => {
    expect(loadConfig({ PUBLIC_URL: "https://cairn.example.org" }).session.secureCookie).toBe(true);
    expect(loadConfig({ PUBLIC_URL: "http://localhost:8080" }).session.secureCookie).toBe(false);
  });

  it("switches to PostgreSQL when DATABASE_URL is set", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" }).databaseUrl).toBe(
      "postgres://postgres@127.0.0.1:5432/test",
    );
  });

  it("sizes teams and the send limit from TEAM_MAX_MEMBERS and TEAM_MESSAGES_PER_10S", () => {
    expect(loadConfig({}).teams).toEqual({ maxMembers: 12, sendLimit: { max: 20, windowMs: 10_000 } });
    expect(loadConfig({ TEAM_MAX_MEMBERS: "8", TEAM_MESSAGES_PER_10S: "5" }).teams).toEqual({
      maxMembers: 8,
      sendLimit: { max: 5, windowMs: 10_000 },
    });
    expect(problemsOf({ TEAM_MAX_MEMBERS: "0" })).toEqual([
      "TEAM_MAX_MEMBERS: TEAM_MAX_MEMBERS must be above 0",
    ]);
    expect(problemsOf({ TEAM_MAX_MEMBERS: "500" })[0]).toMatch(/^TEAM_MAX_MEMBERS: .*at most 100/);
    expect(problemsOf({ TEAM_MESSAGES_PER_10S: "many" })[0]).toMatch(/^TEAM_MESSAGES_PER_10S: /);
  });
});
