/**
 * Operator configuration, read once from environment variables and checked before anything starts, so a
 * mistake is reported as one clear sentence per variable instead of a failure later.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

const positiveInt = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .positive(`${name} must be above 0`)
    .default(fallback);

const envSchema = z.object({
  PORT: positiveInt("PORT", 8080).refine((p) => p < 65536, "PORT must be below 65536"),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default(path.join(process.cwd(), "data")),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// (leave it unset for SQLite)")
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must start with redis://")
    .optional(),
  PUBLIC_URL: z.url({ error: "PUBLIC_URL must be a full address like https://cairn.example.org" }).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CAIRN_MASTER_KEY: z
    .string()
    .regex(
      /^[A-Za-z0-9+/_-]{43}=?$/,
      "CAIRN_MASTER_KEY must be 32 random bytes in base64 (openssl rand -base64 32)",
    )
    .optional(),
  CAIRN_MASTER_KEY_FILE: z.string().min(1).optional(),
  SESSION_IDLE_DAYS: positiveInt("SESSION_IDLE_DAYS", 14),
  SESSION_MAX_DAYS: positiveInt("SESSION_MAX_DAYS", 60),
  RESOURCES_DIR: z.string().min(1).default(path.join(repoRoot, "resources")),
  DEFAULT_REGION: z
    .string()
    .regex(/^[a-z]{2,8}$/, "DEFAULT_REGION must be a region code like us")
    .default("us"),
  WEB_DIST_DIR: z.string().min(1).default(path.join(repoRoot, "packages/web/dist")),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt("LOGIN_MAX_FAILURES_PER_ADDRESS", 20),
  LOGIN_FAILURE_WINDOW_MINUTES: positiveInt("LOGIN_FAILURE_WINDOW_MINUTES", 15),
  SIGNUPS_PER_ADDRESS: positiveInt("SIGNUPS_PER_ADDRESS", 20),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  TEAM_MAX_MEMBERS: positiveInt("TEAM_MAX_MEMBERS", 12).refine(
    (n) => n <= 100,
    "TEAM_MAX_MEMBERS must be at most 100 (teams are small on purpose)",
  ),
  TEAM_MESSAGES_PER_10S: positiveInt("TEAM_MESSAGES_PER_10S", 20),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  publicUrl: URL | undefined;
  logLevel: string;
  masterKey: string | undefined;
  masterKeyFile: string;
  session: { idleMs: number; maxMs: number; secureCookie: boolean };
  resourcesDir: string;
  defaultRegion: string;
  webDistDir: string;
  loginLimits: { perAccount: number; perAddress: number; signupsPerAddress: number; windowMs: number };
  trustProxy: boolean;
  /** Peer teams: the most members per team; the most messages one member may send in 10 seconds. */
  teams: { maxMembers: number; sendLimit: { max: number; windowMs: number } };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cairn cannot start; fix the configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.SESSION_IDLE_DAYS > e.SESSION_MAX_DAYS) {
    throw new ConfigError(["SESSION_IDLE_DAYS must not be longer than SESSION_MAX_DAYS"]);
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = e.PUBLIC_URL ? new URL(e.PUBLIC_URL) : undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    masterKey: e.CAIRN_MASTER_KEY,
    masterKeyFile: e.CAIRN_MASTER_KEY_FILE ?? path.join(dataDir, "master.key"),
    session: {
      idleMs: e.SESSION_IDLE_DAYS * DAY_MS,
      maxMs: e.SESSION_MAX_DAYS * DAY_MS,
      secureCookie: publicUrl?.protocol === "https:",
    },
    resourcesDir: path.resolve(e.RESOURCES_DIR),
    defaultRegion: e.DEFAULT_REGION,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    loginLimits: {
      perAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      signupsPerAddress: e.SIGNUPS_PER_ADDRESS,
      windowMs: e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000,
    },
    trustProxy: e.TRUST_PROXY === "true",
    teams: {
      maxMembers: e.TEAM_MAX_MEMBERS,
      sendLimit: { max: e.TEAM_MESSAGES_PER_10S, windowMs: 10_000 },
    },
  };
}

/**
 * For the commands (server, operator CLI): the configuration, or its problems written to stderr and an exit
 * with EX_CONFIG (78), which service managers read as "fix the configuration, don't restart".
 */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
}
