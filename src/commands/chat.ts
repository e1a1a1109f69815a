/**
 * `clerk-agent chat [request…]`: the terminal front end. Reads .env (quietly; this is the only entry that does),
 * builds the Config and the App, and runs the REPL, or one request when one is given.
 * Configuration problems print one line saying what to fix and exit with code 2, never a stack trace.
 */
import dotenv from 'dotenv';
import { parseArgs } from 'node:util';
import { createApp, type App } from '../app.js';
import { ConfigError, loadConfig, type ConfigOverrides } from '../config.js';
import { renderBanner, renderHeader, type BannerInfo } from '../interfaces/repl/banner.js';
import { colorsEnabled, createColors } from '../interfaces/repl/colors.js';
import { createStreamLineSource, createTtyLineSource, type LineSource } from '../interfaces/repl/input.js';
import { createOutput } from '../interfaces/repl/output.js';
import { createLinePrompter, createTtyPrompter, type Prompter } from '../interfaces/repl/prompt.js';
import { createRepl, INTERRUPT_HINT, type InterruptSource, MAX_LINE_LENGTH } from '../interfaces/repl/repl.js';
import { createSpinner } from '../interfaces/repl/spinner.js';
import { createTranscript } from '../interfaces/repl/transcript.js';
import { oneLine } from '../interfaces/repl/turn.js';
import type { ReplApp } from '../interfaces/repl/types.js';

const USAGE = `Usage: clerk-agent chat [request…] [options]

Talk to the agent. With a request, runs it once and exits (changes still ask for approval;
with no terminal, no answer means no).

Options:
  --model M        model name (e.g. gpt-4o-mini), or "offline" for the built-in offline model
  --base-url URL   an OpenAI-compatible server (Ollama, vLLM, LM Studio, …)
  --data DIR       where the sandbox, audit log and transcripts live (default ./.clerk-agent)
  --dry-run        preview and approve changes without executing them
  --help           this text

Environment: OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL, CLERK_SECRET_KEY, CLERK_API_URL,
CLERK_AGENT_DATA_DIR (a .env file in the current folder is read too). None set = local sandbox + offline model.`;

const DOCTOR_HINT = 'Run `clerk-agent doctor` to check the whole setup.';

const fail = (message: string, code: number) => {
  process.stderr.write(`clerk-agent: ${message}\n`);
  return code;
};

/** Parses flags into config overrides and the one-shot request. Throws with a one-line message. */
function parseFlags(argv: string[]): {
  overrides: ConfigOverrides;
  request: string;
  /** True when words were given for a one-shot request, even if they are blank. */
  oneShot: boolean;
  help: boolean;
} {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      model: { type: 'string' },
      'base-url': { type: 'string' },
      data: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const overrides: ConfigOverrides = {};
  if (values.model !== undefined) overrides.model = values.model;
  if (values['base-url'] !== undefined) overrides.baseUrl = values['base-url'];
  if (values.data !== undefined) overrides.dataDir = values.data;
  if (values['dry-run']) overrides.dryRun = true;
  return {
    overrides,
    request: positionals.join(' ').trim(),
    oneShot: positionals.length > 0,
    help: values.help === true,
  };
}

/** Process SIGINT as an interrupt source (installing a listener keeps Ctrl-C from killing the process). */
const processInterrupts: InterruptSource = {
  onInterrupt(handler) {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
};

/** Runs `clerk-agent chat` and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    // node:util's messages are long ("To specify a positional argument starting with a '-' …"); keep the first clause.
    const option = /'(-[^']*)'/.exec(oneLine(error))?.[1];
    const code = (error as { code?: string }).code;
    const what =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `unknown option ${option}`
        : oneLine(error).replace(/\.$/, '');
    return fail(`${what}. Run clerk-agent chat --help for the options.`, 2);
  }
  if (flags.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }

  if (flags.oneShot && flags.request === '') {
    return fail(
      'the request is empty. Type it in quotes, e.g. clerk-agent chat "list banned users", or run clerk-agent chat alone for the interactive chat.',
      2,
    );
  }

  dotenv.config({ quiet: true });
  let app: App;
  try {
    app = await createApp(loadConfig(process.env, flags.overrides));
  } catch (error) {
    // Every configuration error line points to the command that checks the whole setup.
    if (error instanceof ConfigError) return fail(`${error.message} ${DOCTOR_HINT}`, 2);
    return fail(`could not start: ${oneLine(error)} ${DOCTOR_HINT}`, 1);
  }

  const stdout = process.stdout;
  const interactive = process.stdin.isTTY === true;
  const colors = createColors(colorsEnabled(stdout, process.env));
  const spinner = createSpinner(stdout, { enabled: stdout.isTTY === true, colors });
  const out = createOutput(stdout, spinner, colors);

  let input: LineSource;
  let prompter: Prompter;
  if (interactive) {
    input = createTtyLineSource(process.stdin, stdout, { onInterrupt: () => INTERRUPT_HINT });
    prompter = createTtyPrompter();
  } else {
    input = createStreamLineSource(process.stdin, stdout, { echo: true, maxEcho: MAX_LINE_LENGTH });
    prompter = createLinePrompter(input);
  }

  const { config } = app;
  const secrets = [
    config.clerk.kind === 'remote' ? config.clerk.secretKey : '',
    config.model.kind === 'openai' ? (config.model.apiKey ?? '') : '',
  ];
  const repl = createRepl({
    app,
    input,
    prompter,
    out,
    interrupts: processInterrupts,
    openTranscript: () => createTranscript({ dataDir: app.dataDir, secrets }),
    switchDryRun: (on) => switchDryRun(app, on),
  });

  const info: BannerInfo = {
    backendLabel: app.backendLabel,
    modelName: app.modelName,
    dataDir: app.dataDir,
    live: app.live,
    dryRun: config.dryRun,
    sandbox: app.sandbox !== undefined,
  };
  try {
    if (flags.request !== '') {
      for (const line of renderHeader(info, colors)) out.line(line);
      for (const line of unresolvedLines(app)) out.line(colors.yellow(line));
      return await repl.runOnce(flags.request);
    }
    for (const line of renderBanner(info, colors)) out.line(line);
    for (const line of unresolvedLines(app)) out.line(colors.yellow(line));
    return await repl.run();
  } finally {
    spinner.stop();
    input.close();
    await app.close();
  }
}

/**
 * Approved changes whose result never reached the audit (a chat stopped during the call): their outcome is unknown,
 * and the user must hear it before retrying them.
 */
function unresolvedLines(app: App): string[] {
  let unknown: ReturnType<App['audit']['unresolvedIntents']>;
  try {
    unknown = app.audit.unresolvedIntents();
  } catch {
    return []; // an unreadable audit file is reported when it is written to
  }
  if (unknown.length === 0) return [];
  const shown = unknown.slice(-5).map((e) => `  ${e.time.slice(0, 16).replace('T', ' ')}  ${oneLine(e.preview)}`);
  return [
    `Outcome unknown: ${unknown.length === 1 ? '1 approved change was' : `${unknown.length} approved changes were`} running when an earlier chat stopped; check Clerk before retrying (/audit lists them):`,
    ...shown,
    ...(unknown.length > shown.length ? [`  … and ${unknown.length - shown.length} more`] : []),
  ];
}

/** The same app with dry-run switched: a new agent over the same sandbox, model and audit file. */
async function switchDryRun(app: App, on: boolean): Promise<ReplApp> {
  const next = await createApp(
    { ...app.config, dryRun: on },
    { model: app.model, ...(app.sandbox ? { sandbox: app.sandbox } : {}) },
  );
  return { ...next, modelName: app.modelName, backendLabel: app.backendLabel };
}
