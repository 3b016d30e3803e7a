/**
 * Log lines never hold passwords, tokens, notes or other free text: request bodies are not logged at all, and
 * the headers that carry credentials are censored.
 */
export const logRedactions = {
  paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
  censor: "[redacted]",
};
