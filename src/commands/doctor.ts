/**
 * `clerk-agent doctor`: checks the configuration end to end, in well under 10 s, and prints one line per check with
 * ✓ / ✗ / – and the fix. Nothing is changed anywhere: Clerk gets one read, the model one tiny tool-calling probe
 * whose tool is never run. Exit 0 when the agent can work, 1 when it cannot, 2 when the configuration does not
 * parse. No line ever contains a secret (the keys are masked and every line goes through redact).
 */
import dotenv from 'dotenv';
import { parseArgs } from 'node:util';
import { redact } from '../util/secrets.js';
import { untilAborted } from '../util/until-aborted.js';
import { type App, type AppOverrides, createApp } from '../app.js';
import { ClerkApiError, ClerkNetworkError } from '../clerk/errors.js';
import { type Config, type ConfigOverrides, loadConfig } from '../config.js';
import type { ModelResponse, ToolSpec } from '../llm/model.js';
import { shownUrl } from '../util/shown-url.js';

const USAGE = `Usage: clerk-agent doctor [options]

Checks the configuration end to end and says what to fix: config, Clerk (one read), the model endpoint,
the model name, a tool-calling probe, strict schemas. Changes nothing. Exit 0 when the agent can work.

Options:
  --model M        model name, or "offline"
  --base-url URL   an OpenAI-compatible server
  --data DIR       data directory (sandbox state)
  --help           this text`;

/** Per-check bounds: Clerk and the model are checked in parallel, so the whole run stays under 10 s. */
const CLERK_MS = 4_000;
const LIST_MS = 2_500;
const PROBE_MS = 5_000;

type Mark = '✓' | '✗' | '–';
interface Line {
  mark: Mark;
  text: string;
}

/** The one harmless tool offered to the model: the doctor never runs it, it only looks at how it comes back. */
const PROBE_TOOL: ToolSpec = {
  name: 'doctor_echo',
  description: 'Echo a word back. Has no effect at all; used to check that tool calling works.',
  parameters: {
    type: 'object',
    properties: { word: { type: 'string', description: 'The word to echo.' } },
    required: ['word'],
    additionalProperties: false,
  },
};

export interface DoctorOptions {
  env: NodeJS.ProcessEnv;
  overrides?: ConfigOverrides;
  write: (line: string) => void;
  /** For tests: e.g. an in-process sandbox or a fetch for Clerk. */
  app?: AppOverrides;
}

/** Runs every check and prints the lines. Returns the exit code. */
export async function runDoctor(options: DoctorOptions): Promise<number> {
  const { write } = options;
  let config: Config;
  try {
    config = loadConfig(options.env, options.overrides ?? {});
  } catch (error) {
    write(`✗ config: ${redact(errorText(error))}`);
    return 2;
  }
  const secrets = [
    config.clerk.kind === 'remote' ? config.clerk.secretKey : '',
    config.model.kind === 'openai' ? (config.model.apiKey ?? '') : '',
  ].filter((s) => s.length >= 4);
  const safe = (text: string) => redact(secrets.reduce((t, s) => t.split(s).join('[redacted]'), text));
  const print = (line: Line) => write(safe(`${line.mark} ${line.text}`));

  print({ mark: '✓', text: `config: parsed (model: ${modelLabel(config)}; Clerk: ${clerkLabel(config)})` });

  const probeModel = config.model.kind === 'openai' ? await createProbeModel(config) : undefined;
  let app: App | undefined;
  try {
    app = await createApp(config, {
      auditFile: null,
      ...(probeModel ? { model: probeModel } : {}),
      ...options.app,
    });
  } catch (error) {
    print({ mark: '✗', text: `Clerk: could not start the backend: ${errorText(error)}` });
  }
  try {
    const [clerk, model] = await Promise.all([
      app ? checkClerk(app, config) : Promise.resolve<Line[]>([]),
      probeModel ? checkModel(probeModel, config) : Promise.resolve(offlineLines()),
    ]);
    const lines = [...clerk, ...model];
    for (const line of lines) print(line);
    const failed = lines.filter((l) => l.mark === '✗').length + (app ? 0 : 1);
    write(
      failed === 0
        ? 'All checks passed: the agent can work with this configuration.'
        : `${failed} problem${failed > 1 ? 's' : ''} found: fix ${failed > 1 ? 'them' : 'it'} and run \`clerk-agent doctor\` again.`,
    );
    return failed === 0 ? 0 : 1;
  } finally {
    await app?.close();
  }
}

type ProbeModel = Awaited<ReturnType<typeof createProbeModel>>;

async function createProbeModel(config: Config) {
  if (config.model.kind !== 'openai') throw new Error('not an OpenAI-compatible model');
  // The SDK is loaded only when a server is configured (like app.ts does).
  const { createOpenAIModel } = await import('../llm/openai.js');
  const notices: string[] = [];
  const model = createOpenAIModel({
    model: config.model.model,
    maxRetries: 0,
    timeoutMs: Math.min(config.model.timeoutMs ?? PROBE_MS, PROBE_MS),
    onNotice: (line) => notices.push(line),
    ...(config.model.apiKey ? { apiKey: config.model.apiKey } : {}),
    ...(config.model.baseUrl ? { baseUrl: config.model.baseUrl } : {}),
  });
  return Object.assign(model, { notices });
}

/** One read: proves the URL, the key, and (from the key) whether this is a test or a LIVE instance. */
async function checkClerk(app: App, config: Config): Promise<Line[]> {
  const signal = AbortSignal.timeout(CLERK_MS);
  try {
    await untilAborted(app.clerk.request('GET', '/users', { query: { limit: 1 }, signal }), signal);
  } catch (error) {
    return [{ mark: '✗', text: `Clerk: ${clerkFailure(error, config)}` }];
  }
  if (config.clerk.kind === 'sandbox') {
    return [{ mark: '✓', text: 'Clerk: the local sandbox answers (demo data, nothing real is touched)' }];
  }
  const instance = config.clerk.live
    ? 'LIVE instance: approved changes affect real users'
    : 'test instance (sk_test_ key)';
  return [{ mark: '✓', text: `Clerk: ${shownUrl(config.clerk.apiUrl)} reachable, key accepted, ${instance}` }];
}

function clerkFailure(error: unknown, config: Config): string {
  const url = config.clerk.kind === 'remote' ? shownUrl(config.clerk.apiUrl) : 'the local sandbox';
  if (error instanceof ClerkApiError) {
    if (error.status === 401 || error.status === 403) {
      return `CLERK_SECRET_KEY rejected by ${url} (${error.status}: ${error.message}): copy the secret key from the Clerk Dashboard → API Keys`;
    }
    return `${url} answered ${error.status} (${error.message}): check CLERK_API_URL`;
  }
  if (error instanceof ClerkNetworkError) {
    return `cannot reach CLERK_API_URL ${url} (${error.message}): check the URL and the network`;
  }
  if (isTimeout(error)) return `no answer from ${url} within ${CLERK_MS / 1000} s: check CLERK_API_URL and the network`;
  return `the read failed: ${errorText(error)}`;
}

function offlineLines(): Line[] {
  return [
    { mark: '✓', text: 'model: the built-in offline model (no server needed; set OPENAI_BASE_URL for your own)' },
  ];
}

async function checkModel(model: ProbeModel, config: Config): Promise<Line[]> {
  if (config.model.kind !== 'openai') return offlineLines();
  const where = shownUrl(config.model.baseUrl ?? 'https://api.openai.com/v1');
  const name = config.model.model;
  const lines: Line[] = [];

  const list = await model.listModels(LIST_MS);
  if (!list.ok && list.timedOut) {
    lines.push({
      mark: '✗',
      text: `model endpoint: ${where} accepted the connection but did not answer GET /models within ${LIST_MS / 1000} s: is the server hung, or is it the right URL?`,
    });
    lines.push({ mark: '–', text: 'model checks skipped: the server does not answer' });
    return lines;
  }
  if (!list.ok && (list.refused || list.status === undefined)) {
    lines.push({
      mark: '✗',
      text: `model endpoint: cannot reach OPENAI_BASE_URL ${where} (${list.message}): start the server or fix the URL`,
    });
    lines.push({ mark: '–', text: 'model checks skipped: no server to ask' });
    return lines;
  }
  if (!list.ok && list.status === 401) {
    lines.push({ mark: '✗', text: `model endpoint: ${where} rejected OPENAI_API_KEY (401: ${list.message})` });
    return lines;
  }
  lines.push({
    mark: '✓',
    text: list.ok
      ? `model endpoint: ${where} answers (${list.ids.length} model${list.ids.length === 1 ? '' : 's'} listed)`
      : `model endpoint: ${where} answers (no model list: GET /models → ${list.status})`,
  });

  const probe = await model.complete({
    messages: [
      { role: 'system', content: 'You are a connectivity check. Always answer by calling the tool you are given.' },
      { role: 'user', content: 'Call doctor_echo with the word "ping".' },
    ],
    tools: [PROBE_TOOL],
  });
  const answered = probe.finishReason !== 'error';

  const listed = list.ok && list.ids.some((id) => id === name || id === `${name}:latest` || `${id}:latest` === name);
  if (list.ok && !listed) {
    const offered = list.ids.slice(0, 8).join(', ') || 'nothing';
    lines.push(
      answered
        ? { mark: '✓', text: `model listed: "${name}" is not in GET /models (${offered}) but it answers` }
        : {
            mark: '✗',
            text: `model listed: "${name}" is not offered by ${where}; it offers: ${offered}. Set OPENAI_MODEL to one of them`,
          },
    );
  } else if (list.ok) {
    lines.push({ mark: '✓', text: `model listed: "${name}"` });
  } else {
    lines.push({ mark: '–', text: 'model listed: the server keeps no model list; the probe below tells' });
  }

  lines.push(probeLine(probe));
  const strictRejected = model.dropped.has('strict');
  lines.push(
    !answered && !strictRejected
      ? { mark: '–', text: 'strict schemas: unknown (the probe did not get an answer)' }
      : strictRejected
        ? {
            mark: '–',
            text: 'strict schemas: not accepted by this server; the agent sends plain schemas (arguments are still checked before anything runs)',
          }
        : { mark: '✓', text: 'strict schemas: accepted' },
  );
  if (model.dropped.has('parallel_tool_calls')) {
    lines.push({ mark: '–', text: 'parallel_tool_calls: not accepted by this server; the agent leaves it out' });
  }
  lines.push({
    mark: answered ? '✓' : '–',
    text: answered
      ? 'streaming: not required (the agent reads plain JSON replies, and this server sent one)'
      : 'streaming: not required (the agent never streams)',
  });
  return lines;
}

function probeLine(probe: ModelResponse): Line {
  if (probe.finishReason === 'error') {
    const why = (probe.errorMessage ?? 'no details').replace(
      / ?Run `clerk-agent doctor` to check the whole setup\./,
      '',
    );
    // A local server loads the model on the first request, which can take longer than the probe waits.
    const loading = /no complete answer/.test(why)
      ? ' (a local server may still be loading the model: try again in a minute)'
      : '';
    // The probe waits at most 5 s whatever CLERK_AGENT_MODEL_TIMEOUT_MS says, so that advice does not apply here.
    const text = why.replace(/ \(a slow local model may need a larger CLERK_AGENT_MODEL_TIMEOUT_MS\)\./, '.');
    return { mark: '✗', text: `tool calling: ${text}${loading}` };
  }
  const calls = probe.message.toolCalls ?? [];
  if (calls.length > 0) {
    return { mark: '✓', text: `tool calling: the model answered with a real tool call (${calls[0]!.name})` };
  }
  return {
    mark: '✗',
    text: 'tool calling: the model answered in words instead of calling the tool; the agent needs a model that calls tools (Ollama: e.g. qwen2.5, llama3.1; LM Studio: a model with the tool-use badge)',
  };
}

function modelLabel(config: Config): string {
  if (config.model.kind === 'offline') return 'offline';
  return `${config.model.model} @ ${shownUrl(config.model.baseUrl ?? 'https://api.openai.com/v1')}`;
}

function clerkLabel(config: Config): string {
  if (config.clerk.kind === 'sandbox') return 'local sandbox';
  return `${shownUrl(config.clerk.apiUrl)}${config.clerk.live ? ' (LIVE key)' : ' (test key)'}`;
}

const isTimeout = (error: unknown) =>
  error instanceof DOMException ? error.name === 'TimeoutError' || error.name === 'AbortError' : false;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `clerk-agent doctor [--model M] [--base-url URL] [--data DIR]`. */
export async function run(argv: string[]): Promise<number> {
  let values: { model?: string; 'base-url'?: string; data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        model: { type: 'string' },
        'base-url': { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`clerk-agent: ${errorText(error).split('.')[0]}. Run clerk-agent doctor --help.\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  dotenv.config({ quiet: true });
  const overrides: ConfigOverrides = {};
  if (values.model !== undefined) overrides.model = values.model;
  if (values['base-url'] !== undefined) overrides.baseUrl = values['base-url'];
  if (values.data !== undefined) overrides.dataDir = values.data;
  return runDoctor({ env: process.env, overrides, write: (line) => process.stdout.write(`${line}\n`) });
}
