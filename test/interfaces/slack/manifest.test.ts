/** The setup a team follows: the manifest asks for exactly what the bot uses; the README's policy example is valid. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readPolicyFile } from '../../../src/approvals/policy-file.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('slack/manifest.yaml', () => {
  const manifest = parse(readFileSync(path.join(root, 'slack/manifest.yaml'), 'utf8'));
  it('has the scopes, events, command, interactivity and Socket Mode the bot needs', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'im:write', 'usergroups:read', 'users:read'].sort(),
    );
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.slash_commands[0].command).toBe('/clerk');
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });
});

describe('README "Run it in Slack"', () => {
  it('has a policy example that the policy parser accepts', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Run it in Slack'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]!.replace(/^ {3}/gm, '');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'policy-')), 'policy.yaml');
    writeFileSync(file, yaml);
    const policy = readPolicyFile(file);
    expect(policy.groups?.approvers?.slack_usergroups).toEqual(['S0SUPPORTLEADS']);
    expect(policy.self_approval?.destructive).toBe(false);
  });
});
