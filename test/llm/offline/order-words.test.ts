/**
 * Order words before a request ("First kindly unlock …", "Secondly, add …") are not part of it, and a request
 * asked mid-clause ("we are requesting you to kindly revoke …") is accounted for: when nothing came of it, the
 * answer says so instead of dropping it.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/llm/offline/accounting.js';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { NOW } from './drive.js';

describe('order words', () => {
  it.each([
    'zoe@mail.test joined Umbrella. First kindly unlock her account and then add her to Umbrella as member.',
    'zoe@mail.test joined Umbrella. Firstly, please unlock her, and then add her to Umbrella as member.',
    'zoe@mail.test joined Umbrella. To begin with unlock her account, then add her to Umbrella as member.',
    'zoe@mail.test joined Umbrella. Step one: unlock her. Step two: add her to Umbrella as member.',
  ])('%j → unlock, then add', (text) => {
    expect(parseRequest(text, NOW)).toMatchObject({
      kind: 'sequence',
      steps: [
        { kind: 'user_action', action: 'clerk_user_unlock' },
        { kind: 'membership_add', org: { value: 'Umbrella' } },
      ],
    });
  });
});

describe('a request asked mid-clause is accounted for', () => {
  it.each([
    'Ban zoe@mail.test. Also we are requesting you to kindly revoke the thing of ann@k.test so that the device is signed out.',
    'Ban zoe@mail.test. The team is asking that you please remove the doohickey for ann@k.test next week.',
  ])('%j: the part not acted on is named', (text) => {
    const { intent, unplaced } = understand(text, NOW);
    expect(intent).toMatchObject({ kind: 'user_action', action: 'clerk_user_ban' });
    expect(unplaced).toHaveLength(1);
    expect(unplaced[0]).toContain('ann@k.test');
  });
});

describe('a wanted role after "so" is an instruction of its own', () => {
  it('"X took over, so he needs to be admin there … unlock him": the role part, if not acted on, is named', () => {
    const { intent, unplaced } = understand(
      'omar haddad took over the support desk so he needs to be admin there. he is still locked out too, unlock him.',
      NOW,
    );
    expect(intent).toMatchObject({ kind: 'user_action', action: 'clerk_user_unlock' });
    expect(unplaced).toEqual(['he needs to be admin there']);
  });
});
