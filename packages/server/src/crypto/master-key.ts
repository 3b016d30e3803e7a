/**
 * The key that encrypts sensitive free text at rest. From CAIRN_MASTER_KEY when set; otherwise a random key
 * generated on first start into a file readable only by the server's user. Losing this key loses that text,
 * so the README tells operators to back it up apart from the database.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function loadMasterKey(fromEnv: string | undefined, keyFile: string): Buffer {
  if (fromEnv) return decodeKey(fromEnv, "CAIRN_MASTER_KEY");
  if (fs.existsSync(keyFile)) return decodeKey(fs.readFileSync(keyFile, "utf8").trim(), keyFile);
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  const key = randomBytes(32);
  // "wx": never overwrite a key another process wrote a moment ago.
  try {
    fs.writeFileSync(keyFile, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return decodeKey(fs.readFileSync(keyFile, "utf8").trim(), keyFile);
    }
    throw error;
  }
  return key;
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text, text.includes("-") || text.includes("_") ? "base64url" : "base64");
  if (key.length !== 32) throw new Error(`${source} must hold 32 bytes in base64 (openssl rand -base64 32)`);
  return key;
}
