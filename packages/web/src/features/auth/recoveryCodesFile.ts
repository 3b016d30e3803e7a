/** The text file a member downloads with their recovery codes: a header line, a blank line, one code a line. */
export function recoveryCodesText(header: string, codes: readonly string[]): string {
  return `${header}\n\n${codes.join("\n")}\n`;
}

export function recoveryCodesFileName(username: string): string {
  const safe = username.replace(/[^A-Za-z0-9._-]/g, "_");
  return `cairn-recovery-codes-${safe}.txt`;
}
