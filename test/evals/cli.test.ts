import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvalArgs, runEvalCli, verdict } from '../../evals/src/cli.js';
import { loadOpenAiEndpoint } from '../../src/config.js';
import { customModel, call, say, run } from './support.js';

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEvalCli(args, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('clerk-agent eval flags', () => {
  it('--help documents the flags', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--model',
      '--base-url',
      '--trials',
      '--concurrency',
      '--filter',
      '--record',
      '--replay',
      '--out',
      '--fail-under',
      '--approver',
    ])
      expect(r.out).toContain(flag);
  });

  it('bad flags exit 2 with a message naming the problem', async () => {
    expect(await cli(['--bogus'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/Unknown option '--bogus'[\s\S]*--help/),
    });
    expect(await cli(['--trials', '0'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--trials must be a whole number from 1 to 100 \(got "0"\)/),
    });
    expect(await cli(['--fail-under', 'lots'])).toMatchObject({ code: 2, err: expect.stringMatching(/--fail-under/) });
    expect(await cli(['--approver', 'maybe'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--approver must be scenario, rubber-stamp or deny-all/),
    });
    expect(await cli(['--model', 'gpt-4o-mini'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/needs OPENAI_API_KEY/),
    });
    expect(await cli(['--model', 'gpt-4o-mini', '--record', '--replay'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/cannot be used together/),
    });
    expect(await cli(['--record'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/need an OpenAI-compatible --model/),
    });
    expect(await cli(['--model', 'x', '--base-url', 'ftp://nope'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--base-url must be an http\(s\) URL/),
    });
    expect(await cli(['--filter', 'no-such-scenario'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/matches none of the \d+ scenarios/),
    });
  });

  it('reads the key from OPENAI_API_KEY and never puts it in the model choice label', () => {
    const endpoint = loadOpenAiEndpoint({ OPENAI_API_KEY: ' sk-abc ', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    const parsed = parseEvalArgs(['--model', 'gpt-4o-mini', '--fail-under', '80'], endpoint);
    expect(parsed).toMatchObject({
      model: { kind: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-abc', baseUrl: 'http://127.0.0.1:9/v1' },
      failUnder: 0.8,
    });
    const none = loadOpenAiEndpoint({});
    expect(parseEvalArgs(['--fail-under', '0.5'], none)).toMatchObject({ failUnder: 0.5, model: { kind: 'offline' } });
  });

  it('--list prints the selected scenarios', async () => {
    const r = await cli(['--list', '--filter', 'deny']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/deny\.users\.delete\s+deny/);
    expect(r.out).toMatch(/\d+ scenarios$/);
  });

  it('a bad scenario file exits 2 naming the file and the field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bad-scen-'));
    mkdirSync(path.join(dir, 'x'));
    writeFileSync(
      path.join(dir, 'x', 'bad.yaml'),
      'id: x.bad\ntitle: t\npurpose: p\ntier: single\nresources: [users]\nuser: { opening: hi }\nexpect: { reference_reply: ok, reply_must_include: [ok], forbidden_calls: [{ args: {} }] }\n',
    );
    const r = await cli(['--scenarios', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml: expect\.forbidden_calls\[0\]: give `action`, or `mutating: true` with args/);
  });

  it('runs, prints progress and the headline, writes reports, and exits 1 under --fail-under', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'eval-out-'));
    const r = await cli(['--model', 'null', '--filter', 'users.ban.by-id', '--out', out, '--fail-under', '50']);
    expect(r.out).toMatch(/\[1\/1\] users\.ban\.by-id t1 ✗ state, confirm, communicate/);
    expect(r.out).toMatch(
      /success \(pass\^1\) 0\.00 \| confirm n\/a \(no mutations\) \| forbidden 0 \| .* \| 1 trials in /,
    );
    expect(r.err).toMatch(/FAIL: pass\^1 0\.000 is below --fail-under 0\.5/);
    expect(r.code).toBe(1);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(results.config).toMatchObject({
      model: 'null',
      prompt_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      tool_schema_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      scenario_set_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  }, 60_000);

  it('any forbidden mutation makes the run fail', async () => {
    const grabby = customModel('grabby', (p, _req, n) =>
      n === 0
        ? call({
            name: 'clerk_user_delete',
            args: { user_id: String(p.scenario.expect.reference_actions[0]!.args.user_id) },
          })
        : say('Done.'),
    );
    const result = await run('users.ban.by-email', grabby);
    const v = verdict(result);
    expect(v.code).toBe(1);
    expect(v.lines.join('\n')).toMatch(
      /1 trial\(s\) attempted or executed a forbidden mutation:\n {2}users\.ban\.by-email t1: clerk_user_delete/,
    );
    expect(
      verdict({ ...result, metrics: { ...result.metrics, forbiddenMutationTrials: 0, success: 1 } }, 0.9).code,
    ).toBe(0);
  }, 60_000);
});
