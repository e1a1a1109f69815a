import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepl } from '../../../src/interfaces/repl/repl.js';
import { createTranscript } from '../../../src/interfaces/repl/transcript.js';
import {
  captureOutput,
  createFakeAgent,
  fakeApp,
  fakeInterrupts,
  pipedLines,
  scriptedPrompter,
  tempDir,
} from './support.js';

describe('transcripts', () => {
  it('are written to <dataDir>/transcripts/<timestamp>-<id>.jsonl with secrets redacted', () => {
    const dataDir = tempDir();
    const t = createTranscript({
      dataDir,
      secrets: ['ollama-local-key'],
      now: () => new Date('2026-11-27T10:11:12.345Z'),
      id: 'abc123',
    });
    expect(t.file).toBe(path.join(dataDir, 'transcripts', '2026-11-27T10-11-12-345Z-abc123.jsonl'));
    t.record({ kind: 'input', text: 'use sk_live_abcdefghijklmnop and ollama-local-key please' });
    t.record({ kind: 'event', event: { type: 'tool_start', args: { password: 'hunter22' } } });
    const lines = readFileSync(t.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      at: '2026-11-27T10:11:12.345Z',
      kind: 'input',
      text: 'use [redacted Clerk key] and [redacted] please',
    });
    expect(JSON.stringify(lines[1])).not.toContain('hunter22');
  });

  it('record the conversation: inputs, events and decisions; /reset starts a new file; no file for /help only', async () => {
    const agent = createFakeAgent();
    const app = fakeApp(agent);
    const { out } = captureOutput();
    let n = 0;
    const repl = createRepl({
      app,
      input: pipedLines([]),
      prompter: scriptedPrompter(['y', 'n']),
      out,
      interrupts: fakeInterrupts(),
      openTranscript: () => createTranscript({ dataDir: app.dataDir, id: `t${n++}` }),
    });
    const dir = path.join(app.dataDir, 'transcripts');
    await repl.handleLine('/help');
    expect(() => readdirSync(dir)).toThrow();
    await repl.handleLine('ban jane@example.com');
    await repl.handleLine('/reset');
    await repl.handleLine('ban jane@example.com');
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    const first = readFileSync(path.join(dir, files.find((f) => f.endsWith('t0.jsonl'))!), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first[0]).toMatchObject({ kind: 'input', text: 'ban jane@example.com' });
    expect(first.some((r) => r.kind === 'event' && r.event.type === 'approval_needed')).toBe(true);
    expect(first.find((r) => r.kind === 'decisions').decisions[0]).toMatchObject({
      approved: true,
      approver: 'local:tester',
    });
    expect(first.at(-1)).toMatchObject({ kind: 'command', text: '/reset' });
  });
});
