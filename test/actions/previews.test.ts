import { describe, expect, it } from 'vitest';
import type { Action, PreviewContext } from '../../src/actions/define-action.js';
import { allActions } from '../../src/actions/index.js';
import { toolSpecs } from '../../src/actions/json-schema.js';
import { parseToolArguments } from '../../src/actions/parse-args.js';

type Prop = { type: string | string[]; enum?: unknown[]; description?: string };

/** A value the schema accepts for `key`, as a strict-mode model would send it. */
function sample(key: string, prop: Prop): unknown {
  const type = Array.isArray(prop.type) ? prop.type[0] : prop.type;
  if (prop.enum) return prop.enum.find((v) => v !== null);
  if (type === 'boolean') return true;
  if (type === 'integer') return 30; // inside every bound we declare (limit, lifetime, expires_in_days, …)
  if (type === 'array') return ['a@example.com'];
  if (prop.description?.startsWith('JSON object')) return '{"plan":"pro"}';
  if (key.endsWith('_id')) return `${key.replace(/_id$/, '')}_1`;
  if (key === 'email_address') return 'bob@acme.test';
  return 'x';
}

/** Raw JSON arguments: only required fields (minimal) or every field (full). */
function rawArgs(action: Action, mode: 'minimal' | 'full'): string {
  const params = toolSpecs([action])[0]!.parameters as { properties: Record<string, Prop> };
  const args: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(params.properties)) {
    const optional = Array.isArray(prop.type) && prop.type.includes('null');
    args[key] = optional && mode === 'minimal' ? null : sample(key, prop);
  }
  return JSON.stringify(args);
}

function parsed(action: Action, mode: 'minimal' | 'full'): Record<string, unknown> {
  const result = parseToolArguments(action, rawArgs(action, mode));
  if (!result.ok) throw new Error(`${action.name} ${mode}: ${result.message}`);
  return result.args;
}

describe('previews', () => {
  it.each(allActions.map((a) => [a.name, a] as const))(
    '%s: minimal and full args give a non-empty preview, with or without labels',
    (_n, action) => {
      for (const mode of ['minimal', 'full'] as const) {
        const args = parsed(action, mode);
        const contexts: Array<PreviewContext | undefined> = [
          undefined,
          {},
          { labels: {} },
          { labels: { user_1: 'Jane Doe <jane@example.com>' } },
        ];
        for (const ctx of contexts) {
          const text = action.preview(args as never, ctx);
          expect(typeof text).toBe('string');
          expect(text.length).toBeGreaterThan(5);
          expect(text).not.toContain('undefined');
          expect(text).not.toContain('[object Object]');
        }
      }
    },
  );

  it.each(allActions.map((a) => [a.name, a] as const))(
    '%s: never throws, even for args the schema would reject',
    (_n, action) => {
      for (const args of [{}, { user_id: 42 }, { email_address: null, claims: 'x', name: {} }]) {
        expect(() => action.preview(args as never, { labels: { ['__proto__']: 'x' } })).not.toThrow();
      }
    },
  );

  it('uses labels for every id path param and shows the id next to it', () => {
    for (const action of allActions) {
      const args = parsed(action, 'minimal');
      const labels: Record<string, string> = {};
      for (const [key, value] of Object.entries(args)) {
        if (key.endsWith('_id') && typeof value === 'string') labels[value] = `Label of ${value}`;
      }
      const text = action.preview(args as never, { labels });
      for (const [id, label] of Object.entries(labels)) expect(text, action.name).toContain(`${label} (${id})`);
    }
  });

  it('reads like the DESIGN examples', () => {
    const ban = allActions.find((a) => a.name === 'clerk_user_ban')!;
    expect(ban.preview({ user_id: 'user_123' }, { labels: { user_123: 'Jane Doe <jane@example.com>' } })).toBe(
      'Ban Jane Doe <jane@example.com> (user_123)',
    );
    expect(ban.preview({ user_id: 'user_123' })).toBe('Ban user user_123');
    const invite = allActions.find((a) => a.name === 'clerk_org_invitation_create')!;
    expect(
      invite.preview(
        { organization_id: 'org_1', email_address: 'bob@acme.test', role: 'org:admin' },
        { labels: { org_1: 'Acme Inc' } },
      ),
    ).toBe('Invite bob@acme.test to Acme Inc (org_1) as org:admin');
  });

  it('describes updates field by field and metadata as a merge', () => {
    const update = allActions.find((a) => a.name === 'clerk_user_update')!;
    const result = parseToolArguments(
      update,
      JSON.stringify({ user_id: 'user_1', first_name: 'Janet', public_metadata: '{"plan":"pro"}' }),
    );
    if (!result.ok) throw new Error(result.message);
    const text = update.preview(result.args as never, { labels: { user_1: 'Jane Doe <jane@example.com>' } });
    expect(text).toBe(
      'Update Jane Doe <jane@example.com> (user_1): set first_name="Janet"; merge {"plan":"pro"} into public_metadata',
    );
  });

  it('never shows a password', () => {
    for (const name of ['clerk_user_create', 'clerk_user_update']) {
      const action = allActions.find((a) => a.name === name)!;
      const text = action.preview({ user_id: 'user_1', email_address: ['a@b.c'], password: 'hunter2-secret' } as never);
      expect(text).not.toContain('hunter2');
      expect(text).toContain('password=(hidden)');
    }
  });

  it('ignores labels inherited from Object.prototype', () => {
    const ban = allActions.find((a) => a.name === 'clerk_user_ban')!;
    expect(ban.preview({ user_id: 'constructor' }, { labels: {} })).toBe('Ban user constructor');
  });
});
