import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/actions/registry.js';
import { createPendingCall } from '../../src/agent/approval.js';
import { RunStateError } from '../../src/agent/errors.js';
import { createRunState, parseRunState, serializeRunState } from '../../src/agent/run-state.js';
import type { RunState } from '../../src/agent/types.js';

function pausedState(): RunState {
  const state = createRunState('run_1', 'local:test');
  const ban = createRegistry().get('clerk_user_ban')!;
  state.messages.push({ role: 'user', content: 'ban jane' });
  state.messages.push({
    role: 'assistant',
    content: 'Banning.',
    toolCalls: [{ id: 'call_1', name: 'clerk_user_ban', arguments: '{"user_id":"user_1"}' }],
  });
  state.pending.push(
    createPendingCall({
      approvalId: 'apr_1',
      callId: 'call_1',
      action: ban,
      args: { user_id: 'user_1' },
      preview: { text: 'Ban', method: 'POST', path: '/users/user_1/ban' },
      live: false,
    }),
  );
  return state;
}

describe('run state', () => {
  it('round-trips through JSON exactly', () => {
    const state = pausedState();
    const back = parseRunState(serializeRunState(state));
    expect(back).toEqual(state);
    expect(back).not.toBe(state);
  });

  it('a diff entry for an added key (no "before") survives JSON, where undefined is dropped', () => {
    const state = pausedState();
    state.pending[0]!.preview.diff = [{ field: 'public_metadata.beta', before: undefined, after: true }];
    const back = parseRunState(serializeRunState(state));
    expect(back.pending[0]!.preview.diff).toEqual([{ field: 'public_metadata.beta', after: true }]);
  });

  it('rejects another version clearly', () => {
    const text = JSON.stringify({ ...pausedState(), version: 2 });
    expect(() => parseRunState(text)).toThrow(RunStateError);
    expect(() => parseRunState(text)).toThrow(/version 2; this build reads version 1/);
  });

  it('rejects malformed JSON and shapes, naming the field', () => {
    expect(() => parseRunState('{"version":1,')).toThrow(/not valid JSON/);
    expect(() => parseRunState({ ...pausedState(), messages: [{ role: 'robot' }] })).toThrow(/malformed \(messages\.0/);
  });

  it('rejects pending args changed after the digest was taken', () => {
    const state = pausedState();
    state.pending[0]!.args = { user_id: 'user_2' };
    expect(() => parseRunState(JSON.stringify(state))).toThrow(/no longer matches its argsDigest/);
  });

  it('rejects a pending call the model never made', () => {
    const state = pausedState();
    state.messages[1] = { role: 'assistant', content: 'hi' };
    expect(() => parseRunState(JSON.stringify(state))).toThrow(/not a call the model made/);
  });
});
