/** Scrubs secret keys out of any text the client puts into an error. */

// `\b` so that words like "task_id" are left alone; only tokens that start with `sk_` are keys.
const KEY_PATTERN = /\bsk_[A-Za-z0-9_-]+/g;

/** Replace the given secrets and anything shaped like a Clerk secret key with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out.replace(KEY_PATTERN, '[redacted]');
}
