/**
 * `clerk-agent slack [--port N] [--host H] [--data DIR]`: runs the Slack bot. Socket Mode when SLACK_APP_TOKEN is
 * set (no public URL needed), otherwise the HTTP Events API on --port (default 3000, or SLACK_PORT) at
 * `/slack/events`. The sandbox and the offline model work with no Clerk or OpenAI settings, so a team needs only
 * the Slack app to try it. Every start-up problem is one line naming what to fix; no token is ever printed.
 */
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { type App, createApp } from '../app.js';
import { PolicyError } from '../approvals/policy-file.js';
import { ConfigError, loadConfig, loadSlackConfig } from '../config.js';

const USAGE = `Usage: clerk-agent slack [--port N] [--host H] [--data DIR]

Answer Clerk admin requests in Slack: @mentions in allowed channels, direct messages and /clerk.
Changes become approval cards that only the approvers in your policy can press.

Environment (see README "Run it in Slack"):
  SLACK_BOT_TOKEN          xoxb-… (required)
  SLACK_SIGNING_SECRET     for the HTTP Events API (required unless SLACK_APP_TOKEN is set)
  SLACK_APP_TOKEN          xapp-…: use Socket Mode (no public URL)
  SLACK_CHANNELS           channel ids where mentions are answered (comma-separated; default: any)
  SLACK_APPROVERS_CHANNEL  post approval cards there, with a link from the request thread
  SLACK_API_URL            Web API base URL (default https://slack.com/api)
  CLERK_AGENT_POLICY       who may approve (default clerk-agent.policy.yaml)

Options:
  --port N     HTTP port (default 3000 or SLACK_PORT; ignored in Socket Mode)
  --host H     HTTP address to listen on (default all interfaces)
  --data DIR   data directory (default .clerk-agent or CLERK_AGENT_DATA_DIR)
  -h, --help   show this help`;

const oneLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0]!;

function fail(message: string, code: number): number {
  process.stderr.write(`clerk-agent slack: ${message}\n`);
  return code;
}

export async function run(argv: string[]): Promise<number> {
  let values: { port?: string; host?: string; data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const option = /'(-[^']*)'/.exec(oneLine(error))?.[1];
    return fail(`${option ? `unknown option ${option}` : oneLine(error)}. Run clerk-agent slack --help.`, 2);
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) {
    return fail(`--port must be a number from 0 to 65535 (got "${values.port.slice(0, 20)}").`, 2);
  }

  dotenv.config({ quiet: true });
  let app: App;
  let slackConfig: ReturnType<typeof loadSlackConfig>;
  try {
    slackConfig = loadSlackConfig(process.env, values.port !== undefined ? { port: Number(values.port) } : {});
    app = await createApp(loadConfig(process.env, values.data ? { dataDir: values.data } : {}));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PolicyError) return fail(error.message, 2);
    return fail(`could not start: ${oneLine(error)}`, 1);
  }

  // Bolt and the Slack SDK load only for this command.
  const { createSlackBot, SlackStartError } = await import('../interfaces/slack/bot.js');
  try {
    const bot = await createSlackBot({ app, config: slackConfig, ...(values.host ? { host: values.host } : {}) });
    const port = await bot.start();
    const mode = slackConfig.appToken ? 'Socket Mode' : `HTTP on port ${port} at /slack/events`;
    process.stdout.write(
      `Slack bot running (${mode}) · model ${app.modelName} · ${app.backendLabel} · policy ${app.approvals.policy.source}\nCtrl-C stops it.\n`,
    );
    if (app.approvals.policy.source === 'default') {
      process.stdout.write(
        'No policy file: nobody in Slack can approve yet (only `clerk-agent approvals approve` at this terminal). Write clerk-agent.policy.yaml (README "Run it in Slack") to name Slack approvers.\n',
      );
    }
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await bot.stop();
    await app.close();
    return 0;
  } catch (error) {
    await app.close().catch(() => undefined);
    if (error instanceof SlackStartError) return fail(error.message, 1);
    return fail(`stopped: ${oneLine(error)}`, 1);
  }
}
