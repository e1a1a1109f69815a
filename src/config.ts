/**
 * The only reader of process.env. Everything configurable arrives here, is validated with zod, and leaves as a
 * typed Config. Errors name the variable to fix and never echo secret values.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** A configuration problem the user can fix; the message says which variable or flag. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface Config {
  /** Which model drives the agent. */
  model:
    | { kind: 'offline' }
    | {
        kind: 'openai';
        apiKey: string | undefined;
        baseUrl: string | undefined;
        model: string;
        /** Overall deadline per model request, body included (CLERK_AGENT_MODEL_TIMEOUT_MS, default 30 000). */
        timeoutMs?: number;
      };
  /** Which Clerk backend the agent administers. */
  clerk: { kind: 'sandbox'; dataDir: string } | { kind: 'remote'; secretKey: string; apiUrl: string; live: boolean };
  /** Where the sandbox state, audit log and transcripts live. */
  dataDir: string;
  /** Who is asking (recorded in the audit). */
  requester: string;
  dryRun: boolean;
  /** Show `private_metadata` to the model (off by default: DESIGN §3 rule 10). */
  exposePrivateMetadata: boolean;
  maxStepsPerTurn: number;
  /** Print compatibility adjustments and other diagnostics to stderr (CLERK_AGENT_VERBOSE). */
  verbose?: boolean;

  /** Overall deadline for one Clerk request, retries included (CLERK_AGENT_REQUEST_TIMEOUT_MS, default 30 s). */
  clerkRequestTimeoutMs: number;
  /** The approval policy file (CLERK_AGENT_POLICY); unset = `clerk-agent.policy.yaml` in the working folder, if any. */
  policyFile?: string;
  /** A Postgres URL for a shared approval queue (CLERK_AGENT_DATABASE_URL); unset = the embedded store. Secret. */
  databaseUrl?: string;
  /** The key that signs stored approval state (CLERK_AGENT_STATE_KEY); unset = `<dataDir>/state.key`. Secret. */
  stateKey?: string;
}

const SECRET_KEY = /^sk_(test|live)_[A-Za-z0-9_-]{8,}$/;

const envSchema = z.object({
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().optional(),
  OPENAI_MODEL: z.string().optional(),
  CLERK_SECRET_KEY: z.string().optional(),
  CLERK_API_URL: z.string().optional(),
  CLERK_AGENT_DATA_DIR: z.string().optional(),
  CLERK_AGENT_MODEL: z.string().optional(),
  CLERK_AGENT_DRY_RUN: z.string().optional(),
  CLERK_AGENT_EXPOSE_PRIVATE_METADATA: z.string().optional(),
  CLERK_AGENT_MAX_STEPS: z.string().optional(),
  CLERK_AGENT_MODEL_TIMEOUT_MS: z.string().optional(),
  CLERK_AGENT_VERBOSE: z.string().optional(),

  CLERK_AGENT_REQUEST_TIMEOUT_MS: z.string().optional(),
  CLERK_AGENT_POLICY: z.string().optional(),
  CLERK_AGENT_DATABASE_URL: z.string().optional(),
  CLERK_AGENT_STATE_KEY: z.string().optional(),
  USER: z.string().optional(),
});

/** Flags that override the environment (from the CLI). */
export interface ConfigOverrides {
  model?: string;
  baseUrl?: string;
  dataDir?: string;
  dryRun?: boolean;
}

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());
/** An unset or all-space variable counts as unset; a set one is trimmed. */
const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

const MS = ' of milliseconds';

/** A whole number in [min, max] from a variable's (blanked) value; unset = undefined. Throws ConfigError naming it. */
function wholeNumber(raw: string | undefined, name: string, min: number, max: number, unit = ''): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number${unit} from ${min} to ${max} (got "${raw}").`);
  }
  return n;
}

function checkUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (got "${value}"). Example: http://127.0.0.1:11434/v1`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must start with http:// or https:// (got "${url.protocol}").`);
  }
  // fetch refuses URLs with credentials, and printing one would print the password; say so without echoing it.
  if (url.username || url.password) {
    throw new ConfigError(
      `${name} must not contain a user name or password (user:password@host); put the key in the matching *_KEY variable.`,
    );
  }
  return value.replace(/\/+$/, '');
}

/** Build the Config from an environment (default process.env) and CLI overrides. Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const e = envSchema.parse(env);
  const dataDir = path.resolve(overrides.dataDir ?? blank(e.CLERK_AGENT_DATA_DIR) ?? '.clerk-agent');

  // Model: explicit choice first, then "any OpenAI setting means OpenAI", else the offline model.
  const modelChoice = overrides.model ?? blank(e.CLERK_AGENT_MODEL);
  const apiKey = blank(e.OPENAI_API_KEY);
  const baseUrlRaw = overrides.baseUrl ?? blank(e.OPENAI_BASE_URL);
  let model: Config['model'];
  if (modelChoice === 'offline' || (!modelChoice && !apiKey && !baseUrlRaw)) {
    model = { kind: 'offline' };
  } else {
    const baseUrl = baseUrlRaw ? checkUrl(baseUrlRaw, overrides.baseUrl ? '--base-url' : 'OPENAI_BASE_URL') : undefined;
    if (!apiKey && !baseUrl) {
      throw new ConfigError(
        `Model "${modelChoice}" needs OPENAI_API_KEY (for OpenAI) or OPENAI_BASE_URL (for a local OpenAI-compatible server). Use --model offline for the built-in offline model.`,
      );
    }
    model = {
      kind: 'openai',
      apiKey,
      baseUrl,
      model: modelChoice ?? blank(e.OPENAI_MODEL) ?? 'gpt-4o-mini',
      ...modelTimeoutMs(blank(e.CLERK_AGENT_MODEL_TIMEOUT_MS)),
    };
  }

  const secretKey = blank(e.CLERK_SECRET_KEY);
  let clerk: Config['clerk'];
  if (secretKey) {
    if (!SECRET_KEY.test(secretKey)) {
      throw new ConfigError(
        'CLERK_SECRET_KEY does not look like a Clerk secret key: it must start with sk_test_ or sk_live_ (copy it from the Clerk Dashboard → API Keys). Unset it to use the local sandbox.',
      );
    }
    const apiUrl = checkUrl(blank(e.CLERK_API_URL) ?? 'https://api.clerk.com/v1', 'CLERK_API_URL');
    clerk = { kind: 'remote', secretKey, apiUrl, live: secretKey.startsWith('sk_live_') };
  } else {
    if (blank(e.CLERK_API_URL)) {
      throw new ConfigError(
        'CLERK_API_URL is set but CLERK_SECRET_KEY is not: set both to use a Clerk instance, or neither for the local sandbox.',
      );
    }
    clerk = { kind: 'sandbox', dataDir: path.join(dataDir, 'sandbox') };
  }

  const maxStepsPerTurn = wholeNumber(blank(e.CLERK_AGENT_MAX_STEPS), 'CLERK_AGENT_MAX_STEPS', 1, 100) ?? 12;
  const clerkRequestTimeoutMs =
    wholeNumber(blank(e.CLERK_AGENT_REQUEST_TIMEOUT_MS), 'CLERK_AGENT_REQUEST_TIMEOUT_MS', 100, 600_000, MS) ?? 30_000;
  const approvals = approvalSettings(e);

  return {
    ...approvals,
    model,
    clerk,
    dataDir,
    requester: `local:${blank(e.USER) ?? safeUser()}`,
    dryRun: overrides.dryRun ?? truthy(e.CLERK_AGENT_DRY_RUN),
    exposePrivateMetadata: truthy(e.CLERK_AGENT_EXPOSE_PRIVATE_METADATA),
    maxStepsPerTurn,
    ...(truthy(e.CLERK_AGENT_VERBOSE) ? { verbose: true } : {}),

    clerkRequestTimeoutMs,
  };
}

/** CLERK_AGENT_MODEL_TIMEOUT_MS: the whole model request (headers and body), 1 s to 10 min; unset = 30 s (openai.ts). */
function modelTimeoutMs(raw: string | undefined): { timeoutMs?: number } {
  const ms = wholeNumber(raw, 'CLERK_AGENT_MODEL_TIMEOUT_MS', 1000, 600_000, MS);
  return ms === undefined ? {} : { timeoutMs: ms };
}

/** The approval queue's settings. Values of the URL and key are secrets: messages never echo them. */
function approvalSettings(e: z.infer<typeof envSchema>): Pick<Config, 'policyFile' | 'databaseUrl' | 'stateKey'> {
  const out: Pick<Config, 'policyFile' | 'databaseUrl' | 'stateKey'> = {};
  const policy = blank(e.CLERK_AGENT_POLICY);
  if (policy) out.policyFile = policy;
  const url = blank(e.CLERK_AGENT_DATABASE_URL);
  if (url) {
    if (!/^postgres(ql)?:\/\/\S+$/.test(url)) {
      throw new ConfigError(
        'CLERK_AGENT_DATABASE_URL must be a Postgres URL (postgres://user:password@host:5432/db). Unset it to use the embedded store.',
      );
    }
    out.databaseUrl = url;
  }
  const key = blank(e.CLERK_AGENT_STATE_KEY);
  if (key) {
    if (key.length < 32) {
      throw new ConfigError(
        'CLERK_AGENT_STATE_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`). Unset it to use <data dir>/state.key.',
      );
    }
    out.stateKey = key;
  }
  return out;
}

function safeUser(): string {
  try {
    return path.basename(homedir()) || 'admin';
  } catch {
    return 'admin';
  }
}

/** The OpenAI-compatible endpoint settings from the environment, unvalidated (the eval harness checks them). */
export interface OpenAiEndpoint {
  apiKey: string | undefined;
  baseUrl: string | undefined;
}

/**
 * `OPENAI_API_KEY` and `OPENAI_BASE_URL` for the eval harness, which chooses its model by flag rather than by
 * `loadConfig`'s rules but must not read configuration variables itself.
 */
export function loadOpenAiEndpoint(env: NodeJS.ProcessEnv = process.env): OpenAiEndpoint {
  const e = envSchema.parse(env);
  return { apiKey: blank(e.OPENAI_API_KEY), baseUrl: blank(e.OPENAI_BASE_URL) };
}

/** The Slack front end's settings (`clerk-agent slack`). Token values are secrets: messages never echo them. */
export interface SlackConfig {
  /** Bot token (xoxb-…): SLACK_BOT_TOKEN. */
  botToken: string;
  /** Signing secret for the HTTP Events API: SLACK_SIGNING_SECRET (required unless Socket Mode). */
  signingSecret: string | undefined;
  /** App-level token (xapp-…) for Socket Mode: SLACK_APP_TOKEN. Set = Socket Mode, unset = HTTP. */
  appToken: string | undefined;
  /** Web API base URL, ending in `/` (SLACK_API_URL; default Slack's own). */
  apiUrl: string;
  /** Channel ids where @mentions are answered (SLACK_CHANNELS, comma-separated); empty = any channel the bot is in. */
  channels: string[];
  /** Channel id where approval cards go, with a link from the request thread (SLACK_APPROVERS_CHANNEL). */
  approversChannel: string | undefined;
  /** HTTP port (SLACK_PORT or --port; default 3000). */
  port: number;
}

const slackEnvSchema = z.object({
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_API_URL: z.string().optional(),
  SLACK_CHANNELS: z.string().optional(),
  SLACK_APPROVERS_CHANNEL: z.string().optional(),
  SLACK_PORT: z.string().optional(),
});

/** Reads the Slack settings. Throws ConfigError naming the variable; never includes a token in the message. */
export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env, overrides: { port?: number } = {}): SlackConfig {
  const e = slackEnvSchema.parse(env);
  const botToken = blank(e.SLACK_BOT_TOKEN);
  if (!botToken) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from your Slack app → OAuth & Permissions.',
    );
  }
  if (!/^xoxb-[A-Za-z0-9-]+$/.test(botToken)) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN does not look like a bot token: it must start with xoxb- (OAuth & Permissions).',
    );
  }
  const appToken = blank(e.SLACK_APP_TOKEN);
  if (appToken && !/^xapp-[A-Za-z0-9-]+$/.test(appToken)) {
    throw new ConfigError(
      'SLACK_APP_TOKEN does not look like an app-level token: it must start with xapp- (Basic Information → App-Level Tokens, scope connections:write).',
    );
  }
  const signingSecret = blank(e.SLACK_SIGNING_SECRET);
  if (signingSecret && !/^[A-Za-z0-9]{16,128}$/.test(signingSecret)) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET does not look like a signing secret (letters and digits, from Basic Information → App Credentials).',
    );
  }
  if (!appToken && !signingSecret) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET is not set: the HTTP Events API needs it (Basic Information → App Credentials), or set SLACK_APP_TOKEN for Socket Mode.',
    );
  }
  const apiUrl = `${checkUrl(blank(e.SLACK_API_URL) ?? 'https://slack.com/api', 'SLACK_API_URL')}/`;
  const channelId = /^[CGD][A-Z0-9]{2,}$/;
  const channels = (blank(e.SLACK_CHANNELS) ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const badChannel = channels.find((c) => !channelId.test(c));
  if (badChannel !== undefined) {
    throw new ConfigError(
      `SLACK_CHANNELS must be channel ids separated by commas, e.g. C012AB3CD (got "${badChannel.slice(0, 40)}").`,
    );
  }
  const approversChannel = blank(e.SLACK_APPROVERS_CHANNEL);
  if (approversChannel && !channelId.test(approversChannel)) {
    throw new ConfigError(
      'SLACK_APPROVERS_CHANNEL must be a channel id, e.g. C012AB3CD (right-click the channel → Copy link).',
    );
  }
  const portRaw = overrides.port ?? blank(e.SLACK_PORT) ?? '3000';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`SLACK_PORT must be a port number from 0 to 65535 (got "${String(portRaw).slice(0, 20)}").`);
  }
  return { botToken, signingSecret, appToken, apiUrl, channels, approversChannel, port };
}
