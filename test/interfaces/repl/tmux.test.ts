/**
 * The real terminal path (readline prompt, readline-sync approvals on /dev/tty, SIGINT), driven in tmux with
 * send-keys / capture-pane. Skipped when tmux is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { cliPath } from './cli-support.js';
import { tempDir } from './support.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// A private server on a socket in a temp dir: never touches anyone's default tmux server, and leaves no file behind.
const socketDir = tempDir('clerk-tmux-');
const socket = path.join(socketDir, 'tmux.sock');
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `clerk-agent chat` in a new tmux session with a minimal, model/Clerk-free environment. */
function start(name: string, dataDir: string): void {
  const env = [
    `PATH=${process.env['PATH'] ?? '/usr/bin:/bin'}`,
    `HOME=${dataDir}`,
    'TERM=xterm-256color',
    `CLERK_AGENT_DATA_DIR=${dataDir}`,
    'NO_COLOR=1',
  ];
  // The exit status goes to a file: tmux 3.3's #{pane_dead_status} can stay empty after the pane dies.
  const command = `cd ${quote(dataDir)} && env -i ${env.map(quote).join(' ')} ${quote(process.execPath)} --import ${quote(tsxLoader)} ${quote(cliPath)} chat; echo $? > ${quote(statusFile(name))}`;
  tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '50', command);
  tmux('set-option', '-t', name, 'remain-on-exit', 'on');
}

const screen = (name: string) => tmux('capture-pane', '-p', '-J', '-t', name, '-S', '-400');

/** Polls the pane until `pattern` shows up (no timing assertion: the limit only stops a hung test). */
async function waitFor(name: string, pattern: RegExp, limitMs = 30_000): Promise<string> {
  const until = Date.now() + limitMs;
  for (;;) {
    const text = screen(name);
    if (pattern.test(text)) return text;
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern} in:\n${text}`);
    await sleep(100);
  }
}

const type = (name: string, text: string) => {
  tmux('send-keys', '-t', name, '-l', text);
  tmux('send-keys', '-t', name, 'Enter');
};

const statusFile = (name: string) => path.join(socketDir, `${name}.exit`);

/** Waits for the CLI in session `name` to exit and returns its exit status. */
async function exitStatus(name: string): Promise<number> {
  for (let i = 0; i < 300; i++) {
    if (existsSync(statusFile(name))) {
      const text = readFileSync(statusFile(name), 'utf8').trim();
      if (text !== '') return Number(text);
    }
    await sleep(100);
  }
  throw new Error('the CLI did not exit');
}

function janeBanned(dataDir: string): boolean {
  const sandbox = createSandbox({ seed: 'demo', dataDir: path.join(dataDir, 'sandbox') });
  const jane = sandbox
    .snapshot()
    .users.find((u) => u.email_addresses.some((e) => e.email_address === 'jane@example.com'));
  void sandbox.close();
  return jane!.banned;
}

describe.skipIf(!hasTmux)('clerk-agent chat in a real terminal (tmux)', () => {
  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
    rmSync(socketDir, { recursive: true, force: true });
  });

  it('ban jane@example.com → card → y → banned; /exit leaves with 0', async () => {
    const dataDir = tempDir();
    start('yes', dataDir);
    await waitFor('yes', /^clerk> ?$/m);
    type('yes', 'ban jane@example.com');
    await waitFor('yes', /\[y\/N\/a\/\?\]/);
    type('yes', 'y');
    const text = await waitFor('yes', /Done: 1 change/);
    expect(text).toContain('Ban Jane Doe <jane@example.com>');
    type('yes', '/exit');
    expect(await exitStatus('yes')).toBe(0);
    expect(janeBanned(dataDir)).toBe(true);
  }, 90_000);

  it('n leaves Jane unbanned; Ctrl-C at the prompt gives the hint; Ctrl-D leaves with 0', async () => {
    const dataDir = tempDir();
    start('no', dataDir);
    await waitFor('no', /^clerk> ?$/m);
    tmux('send-keys', '-t', 'no', 'C-c');
    await waitFor('no', /Type \/exit or press Ctrl-D to leave/);
    type('no', 'ban jane@example.com');
    await waitFor('no', /\[y\/N\/a\/\?\]/);
    type('no', 'n');
    await waitFor('no', /No changes were made\./);
    tmux('send-keys', '-t', 'no', 'C-d');
    expect(await exitStatus('no')).toBe(0);
    expect(janeBanned(dataDir)).toBe(false);
  }, 90_000);

  it('Ctrl-C during the approval question cancels the request: denied, nothing executed', async () => {
    const dataDir = tempDir();
    start('cancel', dataDir);
    await waitFor('cancel', /^clerk> ?$/m);
    type('cancel', 'ban jane@example.com');
    await waitFor('cancel', /\[y\/N\/a\/\?\]/);
    tmux('send-keys', '-t', 'cancel', 'C-c');
    // The terminal echoes ^C when it raises SIGINT: once the echo is on screen the Ctrl-C has been delivered, so the
    // "y" typed next is ordered after it (the read ends at Enter; the Ctrl-C before it wins over the "y").
    await waitFor('cancel', /\[y\/N\/a\/\?\] *\^C/);
    type('cancel', 'y');
    const text = await waitFor('cancel', /No changes were made\./);
    expect(text).toContain('cancelled by the user (Ctrl-C)');
    type('cancel', '/exit');
    expect(await exitStatus('cancel')).toBe(0);
    expect(janeBanned(dataDir)).toBe(false);
  }, 90_000);
});
