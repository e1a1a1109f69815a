/**
 * Round 4 of issue 15: an allowlist/blocklist entry named by a word of it (list-entry.ts) — "the mailinator one",
 * "guerilla mail … that domain", "that address" beside an address named elsewhere. Phrasings invented here; the
 * safety half checks that an entry no word names, or a message naming several, removes nothing.
 */
import { describe, expect, it } from 'vitest';
import { entryNames, namedEntries } from '../../../src/llm/offline/list-entry.js';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { createStack } from './drive.js';

describe('the words an entry is named by', () => {
  it.each([
    ['*@guerrillamail.test', ['guerrillamail']],
    ['spam@mailinator.com', ['spam@mailinator.com', 'mailinator']],
    ['*@mail.example.com', ['mail', 'example']],
  ])('%s → %j', (identifier, names) => {
    expect(entryNames(identifier)).toEqual(names);
  });

  it('matches a slip and two words run together, not an unrelated word', () => {
    const items = ['*@guerrillamail.test', 'spam@mailinator.com'];
    expect(namedEntries('our tester uses gurilla mail', items, (i) => i)).toEqual(['*@guerrillamail.test']);
    expect(namedEntries('drop the mailinatr entry', items, (i) => i)).toEqual(['spam@mailinator.com']);
    expect(namedEntries('drop the hotmail entry', items, (i) => i)).toEqual([]);
  });
});

describe('removing a described entry through the real stack', () => {
  it.each([
    ['pls drop the mailinator one from the blocklist', 'spam@mailinator.com'],
    ['remove the gurrillamail thing from the blocklist', '*@guerrillamail.test'],
    ['A contractor inbox is spam@mailinator.com. Please unblock that address.', 'spam@mailinator.com'],
    ['Our QA team relies on guerrilla mail. Could you unblock that domain?', '*@guerrillamail.test'],
    ['cleanup time: delete the entry for mailinator from the blocklist, legal signed off', 'spam@mailinator.com'],
  ])('"%s" removes %s, gated', async (said, identifier) => {
    const stack = createStack();
    const turn = await stack.say(said);
    expect(turn.pending.map((p) => p.action)).toEqual(['clerk_blocklist_delete']);
    expect(turn.text).toContain(identifier);
  });

  it.each([
    'remove the hotmail thing from the blocklist',
    'take the mailinator and guerrillamail ones off the blocklist one by one? no, first tell me which is which',
  ])('"%s" removes nothing', async (said) => {
    const stack = createStack();
    const turn = await stack.say(said);
    expect(turn.pending).toEqual([]);
  });
});

describe('two list requests in one sentence are not a move', () => {
  const NOW = Date.UTC(2026, 10, 27, 12);
  const steps = (said: string) => {
    const intent = parseRequest(said, NOW);
    const all = intent.kind === 'sequence' ? intent.steps : [intent];
    return all.map((i) => ('identifiers' in i ? `${i.kind} ${i.list} ${i.identifiers.join(' ')}` : i.kind));
  };

  it.each([
    [
      'drop x@a.test from the allowlist and blacklist *@b.test',
      ['list_remove allowlist x@a.test', 'list_add blocklist *@b.test'],
    ],
    [
      'please take *@c.test off the blocklist, then allowlist d@e.test',
      ['list_remove blocklist *@c.test', 'list_add allowlist d@e.test'],
    ],
    [
      'Two list changes: whitelist i@j.test, and take *@k.test off the blocklist',
      ['list_add allowlist i@j.test', 'list_remove blocklist *@k.test'],
    ],
    [
      'remove f@g.test from the allowlist; blocklist *@h.test too',
      ['list_remove allowlist f@g.test', 'list_add blocklist *@h.test'],
    ],
    [
      'move l@m.test from the allowlist to the blocklist',
      ['list_remove allowlist l@m.test', 'list_add blocklist l@m.test'],
    ],
  ])('%s', (said, expected) => {
    expect(steps(said)).toEqual(expected);
  });
});
