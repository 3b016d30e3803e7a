/**
 * AES-256-GCM for sensitive free text at rest (check-in notes, reasons, triggers). Each value is bound to
 * where it belongs by associated data (e.g. `checkin-note:<member>:<date>`), so a value copied into another
 * member's row fails to decrypt instead of being shown to them.
 * Stored form: `v1.<base64url(iv ‖ tag ‖ ciphertext)>`.
 */
import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
/** IVs drawn from the CSPRNG in one call per this many encryptions (each check-in encrypts two values). */
const IVS_PER_DRAW = 256;

export class FieldCipher {
  private readonly key: KeyObject;
  // A random 96-bit IV per value, as before; they are only drawn in blocks, because one randomBytes call
  // costs about as much as the whole AES-GCM encryption of a short note. Each IV is used once and never reused.
  private ivs = Buffer.alloc(0);
  private ivAt = 0;

  constructor(key: Buffer) {
    this.key = createSecretKey(key);
  }

  private nextIv(): Buffer {
    if (this.ivAt + IV_BYTES > this.ivs.length) {
      this.ivs = randomBytes(IV_BYTES * IVS_PER_DRAW);
      this.ivAt = 0;
    }
    const iv = this.ivs.subarray(this.ivAt, this.ivAt + IV_BYTES);
    this.ivAt += IV_BYTES;
    return iv;
  }

  encrypt(plaintext: string, context: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
  }

  decrypt(stored: string, context: string): string {
    const [version, payload] = stored.split(".");
    if (version !== VERSION || !payload) throw new Error("Unknown ciphertext format");
    const raw = Buffer.from(payload, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  }

  encryptJson(value: unknown, context: string): string {
    return this.encrypt(JSON.stringify(value), context);
  }

  decryptJson<T>(stored: string, context: string): T {
    return JSON.parse(this.decrypt(stored, context)) as T;
  }
}
