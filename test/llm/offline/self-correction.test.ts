/**
 * A correction said mid-sentence replaces what came before it (clauses.ts splits there; request.ts keeps what the
 * last correction says). Acting on both would propose the very change the user took back.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { NOW } from './drive.js';

describe('a correction in the middle of a sentence', () => {
  it.each([
    ['ban zoe@mail.test - no wait, just lock her for now', 'clerk_user_lock'],
    ['delete zoe@mail.test, actually no, lock her', 'clerk_user_lock'],
    ['ban zoe@mail.test... wait, lock her instead', 'clerk_user_lock'],
    ['lock zoe@mail.test, sorry I mean ban her', 'clerk_user_ban'],
    ['remove zoe@mail.test — scratch that, unlock her', 'clerk_user_unlock'],
  ])('%j → only %s', (text, action) => {
    expect(parseRequest(text, NOW)).toMatchObject({ kind: 'user_action', action });
  });

  it('"no" without a correction word is not one ("ban x, no need to email them")', () => {
    expect(parseRequest('ban zoe@mail.test, no need to email her', NOW)).toMatchObject({ action: 'clerk_user_ban' });
  });
});
