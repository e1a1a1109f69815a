/**
 * Slack front end figures, everything on 127.0.0.1: the bot on Bolt's HTTP receiver, signed requests, the fake Web
 * API, the in-process sandbox and the offline model.
 * - click → updated card: from POSTing a signed Approve click until the fake Web API receives the chat.update that
 *   shows the card executed (decide + execute through the approval queue + re-render), p50/p99.
 * - requests per second: read requests (@mentions answered in a thread) with the offline model, 8 at a time, and
 *   the CPU each one costs (wall-clock figures swing with the machine's load; CPU per request does not).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig, loadSlackConfig } from '../src/config.js';
import { createSlackBot } from '../src/interfaces/slack/bot.js';
import { type FakeCall, startFakeSlackApi } from '../src/interfaces/slack/testing/fake-web-api.js';
import { post, signedEvent, signedInteraction } from '../src/interfaces/slack/testing/signed-request.js';

const CLICKS = 60;
const WARMUP = 5;
const READS = 200;
const CONCURRENCY = 8;
const SECRET = 'benchsigningsecret0123456789abcd';

const POLICY = `
request: ['*']
approve: { write: ['slack:UALICE'], destructive: ['slack:UALICE'] }
self_approval: { write: true, destructive: false }
`;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function run(log: (line: string) => void): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-slack-'));
  writeFileSync(path.join(dataDir, 'policy.yaml'), POLICY);
  const fake = await startFakeSlackApi();
  const env = {
    CLERK_AGENT_DATA_DIR: dataDir,
    CLERK_AGENT_POLICY: path.join(dataDir, 'policy.yaml'),
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    SLACK_PORT: '0',
  };
  const app = await createApp(loadConfig(env));
  const bot = await createSlackBot({
    app,
    config: loadSlackConfig(env),
    pollIntervalMs: 0,
    host: '127.0.0.1',
    logSink: () => {},
  });
  const port = await bot.start();
  const url = `http://127.0.0.1:${port}/slack/events`;
  let n = 0;
  const mention = async (text: string) => {
    const ts = `1765300000.${String(++n).padStart(6, '0')}`;
    const event = { type: 'app_mention', user: 'UCAROL', text: `<@UBOT> ${text}`, ts, channel: 'COPS', event_ts: ts };
    const res = await post(url, signedEvent(SECRET, event, `EvBench${n}`));
    if (res.status !== 200) throw new Error(`mention answered ${res.status}`);
  };

  try {
    // 1. Click → updated card.
    const latencies: number[] = [];
    for (let i = 0; i < CLICKS + WARMUP; i++) {
      const before = fake.calls.length;
      await mention(i % 2 === 0 ? 'ban jane@example.com' : 'unban jane@example.com');
      await bot.idle();
      const card = fake.calls
        .slice(before)
        .find((c) => c.method === 'chat.postMessage' && JSON.stringify(c.args.blocks ?? '').includes('clerk_approve"'));
      if (!card) throw new Error(`no card for request ${i}`);
      const cardTs = String(card.result!.ts);
      const value = (card.args.blocks as any[]).find((b) => b.type === 'actions').elements[0].value as string;
      const updated = new Promise<void>((resolve) => {
        const stop = fake.onCall((c: FakeCall) => {
          if (
            c.method === 'chat.update' &&
            c.args.ts === cardTs &&
            JSON.stringify(c.args.blocks).includes('executed')
          ) {
            stop();
            resolve();
          }
        });
      });
      const payload = {
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'UALICE', name: 'alice' },
        api_app_id: 'A1',
        trigger_id: `trig.bench.${i}`,
        channel: { id: 'COPS' },
        container: { type: 'message', channel_id: 'COPS', message_ts: cardTs },
        message: { ts: cardTs },
        actions: [{ action_id: 'clerk_approve', type: 'button', value, action_ts: `1765300001.${i}` }],
      };
      const started = performance.now();
      await post(url, signedInteraction(SECRET, payload));
      await updated;
      if (i >= WARMUP) latencies.push(performance.now() - started);
      await bot.idle();
    }
    const executed = app.audit.entries().filter((e) => e.status === 'executed').length;
    log(
      `click → updated card (Approve, executed through the queue, in-process sandbox): p50 ${pct(latencies, 0.5).toFixed(1)} ms · p99 ${pct(latencies, 0.99).toFixed(1)} ms · max ${Math.max(...latencies).toFixed(1)} ms over ${latencies.length} clicks (${executed} changes executed, expected ${CLICKS + WARMUP})`,
    );

    // 2. Requests per second (reads, offline model, answered in threads through the fake Web API).
    const questions = ['how many users are there', 'list banned users', 'show jane@example.com', 'list organizations'];
    const callsBefore = fake.calls.length;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < READS) {
        const i = next++;
        await mention(questions[i % questions.length]!);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await bot.idle();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / READS;
    const apiCalls = fake.calls.length - callsBefore;
    log(
      `requests per second (@mention → answer in a thread, offline model, fake Web API, ${CONCURRENCY} at a time): ${(READS / seconds).toFixed(0)} req/s (${READS} requests in ${seconds.toFixed(2)} s, ${(apiCalls / READS).toFixed(1)} Web API calls each; ${cpuMsPerRequest.toFixed(1)} ms CPU per request including the fake API and the signing client, so ≈ ${(1000 / cpuMsPerRequest).toFixed(0)} req/s per idle core)`,
    );
  } finally {
    await bot.stop();
    await app.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
