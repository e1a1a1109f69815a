/** The wiring app.ts uses: our client with `fetch: sandbox.fetch` (in-process, no socket). */
import { describe, expect, it } from 'vitest';
import { allActions } from '../../src/actions/index.js';
import { createClerkClient } from '../../src/clerk/client.js';
import { createSandbox } from '../../src/sandbox/index.js';

const action = (name: string) => allActions.find((a) => a.name === name)!;

describe('Clerk client ↔ sandbox.fetch in-process', () => {
  it('lists, bans, and maps a wrong key to a 401', async () => {
    const sandbox = createSandbox({ seed: 'demo' });
    const clerk = createClerkClient({ secretKey: sandbox.secretKey, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
    const users = (await clerk.execute(action('clerk_users_list'), { email_address: ['lee@initech.test'] })) as Array<{
      id: string;
      locked: boolean;
    }>;
    expect(users).toHaveLength(1);
    expect(users[0]!.locked).toBe(true);
    const banned = (await clerk.execute(action('clerk_user_ban'), { user_id: users[0]!.id })) as { banned: boolean };
    expect(banned.banned).toBe(true);
    expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.mutating}`)).toEqual([
      'GET /users false',
      `POST /users/${users[0]!.id}/ban true`,
    ]);

    const wrong = createClerkClient({
      secretKey: 'sk_live_notasandboxkey',
      baseUrl: sandbox.baseUrl,
      fetch: sandbox.fetch,
    });
    await expect(wrong.execute(action('clerk_users_list'), {})).rejects.toMatchObject({
      status: 401,
      code: 'clerk_key_invalid',
    });
    await sandbox.close();
  });
});
