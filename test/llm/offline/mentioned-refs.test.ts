/**
 * A target said only as a pronoun or a bare noun ("their organisation", "the OAuth app for it") is the one record
 * whose whole name the message says anywhere (mentioned.ts). Five shapes per request, none of them scenario text;
 * checked through the real agent loop against the demo sandbox. Two named records, or none, make it ask and
 * change nothing; a new name the request gives is never read as the record meant.
 */
import { describe, expect, it } from 'vitest';
import { mentionedOne, mentions } from '../../../src/llm/offline/mentioned.js';
import { createStack } from './drive.js';

const changes = (turn: { pending: Array<{ action: string; args: Record<string, unknown> }> }) =>
  turn.pending.map((p) => [p.action, p.args]);

describe('mentions', () => {
  it('matches whole names only, in any case, and never names under 4 letters', () => {
    expect(mentions('the umbrella corp folks wrote in', 'Umbrella Corp')).toBe(true);
    expect(mentions('umbrellas everywhere', 'umbrella')).toBe(false);
    expect(mentions('ask abc about it', 'abc')).toBe(false);
  });

  it('is one item or nothing', () => {
    const items = ['Hooli', 'Globex'];
    expect(mentionedOne('hooli wrote in', items, (i) => [i])).toBe('Hooli');
    expect(mentionedOne('hooli and globex wrote in', items, (i) => [i])).toBeUndefined();
    expect(mentionedOne('nobody wrote in', items, (i) => [i])).toBeUndefined();
  });
});

describe('an organization said as "their organisation" / "the org"', () => {
  it.each([
    'Ann from Hooli emailed: they changed names. Please rename their organisation to Hooli Cloud.',
    'Hooli is now a different brand - rename the org to Hooli Cloud pls',
    'hooli rebranded; can you rename their organization to Hooli Cloud?',
    'Message from the hooli admin: rename our org to Hooli Cloud',
    'the people at hooli asked me to rename their company to Hooli Cloud',
  ])('%s → Hooli is renamed', async (text) => {
    const stack = createStack();
    const turn = await stack.say(text);
    expect(changes(turn)).toEqual([
      [
        'clerk_organization_update',
        expect.objectContaining({ organization_id: expect.stringMatching(/^org_/), name: 'Hooli Cloud' }),
      ],
    ]);
    expect(turn.text).toMatch(/Hooli \(/);
    await stack.cancel(turn);
  });

  it('two organizations named: asks which, changes nothing', async () => {
    const stack = createStack();
    const turn = await stack.say('Hooli and Globex merged. Please rename their organization to Megacorp.');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Which organization/i);
  });

  it('the new name is not the organization meant', async () => {
    const stack = createStack();
    const turn = await stack.say('Please rename the org to Globex Two.');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Which organization/i);
  });
});

describe('an OAuth app said as "the OAuth app for it"', () => {
  it.each([
    'We are cloning the zapier integration for QA. Could the OAuth app for it also accept https://qa.example.com/cb as a redirect?',
    'Zapier Integration needs a QA copy; please add https://qa.example.com/cb as another redirect URI on the oauth app for it',
    'for the zapier integration: the oauth app also needs https://qa.example.com/cb as an extra callback',
    'QA wants to test the Zapier Integration. Its OAuth app should also accept https://qa.example.com/cb as a redirect',
    'add https://qa.example.com/cb as a second redirect to the oauth app of the zapier integration',
  ])('%s → one redirect added to the Zapier app', async (text) => {
    const stack = createStack();
    const turn = await stack.say(text);
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_client_update']);
    const uris = turn.pending[0]!.args.redirect_uris as string[];
    expect(uris).toContain('https://qa.example.com/cb');
    expect(uris.length).toBeGreaterThan(1);
    await stack.cancel(turn);
  });

  it('no app named anywhere: asks which, changes nothing', async () => {
    const stack = createStack();
    const turn = await stack.say('Could the OAuth app for it also accept https://qa.example.com/cb as a redirect?');
    expect(turn.pending).toEqual([]);
    expect(turn.text).toMatch(/Which OAuth application/i);
  });
});
