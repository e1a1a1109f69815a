/**
 * End to end through the real CLI and the real app (zero configuration: local sandbox + offline model in a temp
 * data dir), driven through piped stdin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { closedPort, hasStackTrace, runChat } from './cli-support.js';
import { tempDir } from './support.js';

/** Jane's `banned` flag as persisted in the sandbox of `dataDir`. */
async function janeBanned(dataDir: string): Promise<boolean> {
  const sandbox = createSandbox({ seed: 'demo', dataDir: path.join(dataDir, 'sandbox') });
  try {
    const jane = sandbox
      .snapshot()
      .users.find((u) => u.email_addresses.some((e) => e.email_address === 'jane@example.com'));
    if (!jane) throw new Error('jane@example.com is not in the sandbox');
    return jane.banned;
  } finally {
    await sandbox.close();
  }
}

describe('clerk-agent chat, piped stdin, zero configuration', () => {
  it('"ban jane@example.com" + y → approval card → banned → truthful summary; transcript saved', async () => {
    const dataDir = tempDir();
    const run = await runChat([], { input: 'ban jane@example.com\ny\n', dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('local sandbox');
    expect(out).toContain('offline');
    expect(out).toContain('clerk> ban jane@example.com');
    expect(out).toMatch(/Change 1 of 1 · write · clerk_user_ban/);
    expect(out).toMatch(/Ban Jane Doe <jane@example\.com>/);
    expect(out).toMatch(/POST \/users\/\S+\/ban/);
    expect(out).toContain('[y/N/a/?] y');
    expect(out).toMatch(/Done: 1 change \(Ban Jane Doe <jane@example\.com>/);
    expect(await janeBanned(dataDir)).toBe(true);

    const files = readdirSync(path.join(dataDir, 'transcripts'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-[0-9a-f]{8}\.jsonl$/);
    const records = readFileSync(path.join(dataDir, 'transcripts', files[0]!), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records[0]).toMatchObject({ kind: 'input', text: 'ban jane@example.com' });
    expect(records.find((r) => r.kind === 'decisions').decisions[0]).toMatchObject({
      action: 'clerk_user_ban',
      approved: true,
    });
  });

  it('the same with n leaves Jane unbanned and says nothing was done', async () => {
    const dataDir = tempDir();
    const run = await runChat([], { input: 'ban jane@example.com\nn\n', dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[y/N/a/?] n');
    expect(run.stdout).toContain('No changes were made.');
    expect(run.stdout).not.toMatch(/Done: \d+ change/);
    expect(await janeBanned(dataDir)).toBe(false);
  });

  it('EOF during the approval question means No', async () => {
    const dataDir = tempDir();
    const run = await runChat([], { input: 'ban jane@example.com\n', dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Approve this change\? \[y\/N\/a\/\?\] \n/);
    expect(run.stdout).toContain('no answer (end of input)');
    expect(run.stdout).toContain('No changes were made.');
    expect(await janeBanned(dataDir)).toBe(false);
  });

  it('one-shot: chat "list banned users" runs one request and exits', async () => {
    const run = await runChat(['list banned users']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Sam Taylor');
    expect(run.stdout).not.toContain('clerk> ');
  });

  it('one-shot with a change and no terminal: the approval is asked and EOF means No', async () => {
    const dataDir = tempDir();
    const run = await runChat(['ban', 'jane@example.com'], { dataDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Approve this change?');
    expect(run.stdout).toContain('No changes were made.');
    expect(await janeBanned(dataDir)).toBe(false);
  });

  it('commands, an empty line, an unknown command and a very long line: one line each, the REPL keeps going', async () => {
    const run = await runChat([], {
      input:
        ['/help', '', '/frobnicate', 'x'.repeat(5000), '/tools users', '/model', '/audit', '/exit', 'never read'].join(
          '\n',
        ) + '\n',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('/sandbox reset');
    expect(run.stdout).toContain('Unknown command "/frobnicate". Type /help for the list.');
    expect(run.stdout).toContain('5,000 characters long; the limit is 4,000');
    expect(run.stdout).toContain('clerk_user_ban');
    expect(run.stdout).toContain('model    offline');
    expect(run.stdout).toContain('The audit log is empty');
    expect(run.stdout).not.toContain('never read');
  });

  it('/sandbox reset asks first, then reseeds: a ban is undone', async () => {
    const dataDir = tempDir();
    await runChat([], { input: 'ban jane@example.com\ny\n', dataDir });
    expect(await janeBanned(dataDir)).toBe(true);
    const run = await runChat([], { input: '/sandbox reset\ny\n', dataDir });
    expect(run.stdout).toContain('Reset the sandbox to the demo data?');
    expect(run.stdout).toContain('Sandbox reset to the demo data.');
    expect(await janeBanned(dataDir)).toBe(false);
  });

  it('/dry-run on: the change is previewed and nothing is executed', async () => {
    const dataDir = tempDir();
    const run = await runChat([], { input: '/dry-run on\nban jane@example.com\ny\n', dataDir });
    expect(run.stdout).toContain('Dry run on');
    expect(run.stdout).toContain('clerk (dry run)> ');
    expect(run.stdout).toMatch(/Dry run: 1 change previewed, none executed/);
    expect(await janeBanned(dataDir)).toBe(false);
  });

  it('NO_COLOR: no ANSI codes even when colours are forced (and forced colours do show without it)', async () => {
    const coloured = await runChat([], { input: 'ban jane@example.com\nn\n', env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(/\x1b\[/);
    const plain = await runChat([], { input: 'ban jane@example.com\nn\n', env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(plain.stdout).toContain('Ban Jane Doe');
    expect(plain.stdout).not.toMatch(/\x1b/);
  });
});

describe('clerk-agent chat, bad configuration', () => {
  it('a malformed CLERK_SECRET_KEY: one line naming the variable, exit 2, no stack trace', async () => {
    const run = await runChat([], { env: { CLERK_SECRET_KEY: 'not-a-key' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('CLERK_SECRET_KEY');
    expect(run.stderr).not.toContain('not-a-key');
  });

  it('--model without a key or base URL, a bad --base-url, an unknown flag: one line each, exit 2', async () => {
    for (const args of [['--model', 'gpt-4o-mini'], ['--base-url', 'ftp://x'], ['--frobnicate']]) {
      const run = await runChat(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
  });

  it('--help prints the options and exits 0', async () => {
    const run = await runChat(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--base-url URL');
  });

  it('an unreachable OPENAI_BASE_URL: the REPL starts, the turn fails with one line, the next command still runs', async () => {
    const port = await closedPort();
    const run = await runChat([], {
      input: 'list users\n/model\n',
      env: { OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, OPENAI_API_KEY: 'sk-test-local-1234567890' },
    });
    expect(run.code).toBe(0);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/model/i);
    expect(run.stdout).toContain(`127.0.0.1:${port}`);
    expect(run.stdout).toContain('model    gpt-4o-mini');
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
    expect(run.stdout + run.stderr).not.toContain('sk-test-local-1234567890');
  });

  it('an unreachable CLERK_API_URL: the banner names it, the request explains, no stack trace, the REPL keeps running', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/v1`;
    const run = await runChat([], {
      input: 'list banned users\n/model\n',
      env: { CLERK_SECRET_KEY: 'sk_test_abcdefghijklmnop', CLERK_API_URL: url },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(url);
    expect(
      run.stdout
        .split('\n')
        .some((l) => l.includes(`127.0.0.1:${port}`) && /reach|connect|refused/i.test(l) && !l.includes('backend')),
    ).toBe(true);
    expect(run.stdout).toContain('model    offline');
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
    expect(run.stdout + run.stderr).not.toContain('sk_test_abcdefghijklmnop');
  });

  it('a sk_live_ key shows the LIVE warning in the banner', async () => {
    const port = await closedPort();
    const run = await runChat([], {
      input: '',
      env: { CLERK_SECRET_KEY: 'sk_live_abcdefghijklmnop', CLERK_API_URL: `http://127.0.0.1:${port}/v1` },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(' LIVE ');
    expect(run.stdout).toContain('clerk (LIVE)> ');
    expect(run.stdout).not.toContain('sk_live_abcdefghijklmnop');
  });
});
