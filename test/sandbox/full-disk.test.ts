/**
 * A real full disk: a 2 MiB tmpfs (needs root and mount; skipped elsewhere — the injected-error tests in
 * persistence.test.ts cover the same paths everywhere).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, SEED_FACTS } from '../../src/sandbox/index.js';
import { type CallResult, call, code, NOW } from './helpers.js';

const F = SEED_FACTS;
const mountPoint = mkdtempSync(path.join(tmpdir(), 'clerk-tmpfs-'));
const mounted =
  process.getuid?.() === 0 &&
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' }).status === 0;

afterAll(() => {
  if (mounted) spawnSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Fill the file system with one file until it refuses more bytes. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
}

describe.runIf(mounted)('a full tmpfs', () => {
  it('refuses the change with a 500, keeps memory and disk at the last acknowledged state, and recovers', async () => {
    const dir = path.join(mountPoint, 'sandbox');
    const sb = createSandbox({ dataDir: dir, now: () => NOW });
    expect((await call(sb, 'POST', `/users/${F.users.bob.id}/lock`)).status).toBe(200);
    const filler = path.join(mountPoint, 'filler');
    fill(filler);

    // The journal's last page still has room: changes are acknowledged until it is full, then refused.
    const acked: string[] = [];
    let refused: CallResult | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      const r = await call(sb, 'POST', '/users', { email_address: [`fill${i}@x.test`] });
      if (r.status === 200) acked.push(r.body.id);
      else refused = r;
    }
    expect(refused?.status).toBe(500);
    expect(code(refused!)).toBe('internal_clerk_error');
    expect(refused!.body.errors[0].long_message).toMatch(/ENOSPC.*nothing was changed/);
    // Undone in memory: the refused user does not exist, the acknowledged ones do.
    const refusedEmail = `fill${acked.length}@x.test`;
    expect((await call(sb, 'GET', `/users?email_address=${refusedEmail}`)).body).toEqual([]);
    expect((await call(sb, 'GET', '/users/count')).body.total_count).toBe(F.counts.users + acked.length);
    // A compaction on close cannot be written either: the journal stays, nothing is damaged.
    await sb.close();

    rmSync(filler);
    const again = createSandbox({ dataDir: dir, now: () => NOW });
    const users = again.snapshot().users;
    expect(users.find((u) => u.id === F.users.bob.id)!.locked).toBe(true);
    const ids = new Set(users.map((u) => u.id));
    expect(acked.every((id) => ids.has(id))).toBe(true);
    expect(users).toHaveLength(F.counts.users + acked.length);
    expect((await call(again, 'POST', `/users/${F.users.jane.id}/ban`)).status).toBe(200);
    await again.close();
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});
