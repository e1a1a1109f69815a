/**
 * Bolt's logger, pointed at one sink (stderr by default; Bolt's own ConsoleLogger writes to stdout) with every
 * token-shaped string replaced, so a Slack or Clerk secret never reaches a log line.
 */
import { LogLevel, type Logger } from '@slack/bolt';
import { redact } from '../../util/secrets.js';

const SECRET = /\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|sk_(?:live|test)_[A-Za-z0-9_-]+)/g;

/** Replaces Slack tokens, Clerk secret keys, the given secrets and everything `redact` knows in text. */
export function scrubSecrets(text: string, extra: readonly string[] = []): string {
  let out = text.replace(SECRET, '[redacted]');
  for (const s of extra) if (s.length >= 8) out = out.split(s).join('[redacted]');
  // Then the project's shared redaction: model API keys, Bearer tokens and secret-named values too.
  return redact(out);
}

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

export function createSlackLogger(
  sink: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  options: { level?: LogLevel; secrets?: readonly string[]; fixedLevel?: boolean } = {},
): Logger {
  let level = options.level ?? LogLevel.WARN;
  let name = 'slack';
  const write = (l: LogLevel, args: unknown[]) => {
    if (ORDER.indexOf(l) < ORDER.indexOf(level)) return;
    const text = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : safeJson(a))).join(' ');
    sink(scrubSecrets(`[${l}] ${name}: ${text}`, options.secrets));
  };
  return {
    debug: (...a) => write(LogLevel.DEBUG, a),
    info: (...a) => write(LogLevel.INFO, a),
    warn: (...a) => write(LogLevel.WARN, a),
    error: (...a) => write(LogLevel.ERROR, a),
    setLevel: (l) => {
      // Bolt sets its level on the loggers it is given; a fixed logger keeps the level it was made with.
      if (!options.fixedLevel) level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}
