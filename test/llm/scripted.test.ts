import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../../src/llm/scripted.js';
import type { Message } from '../../src/llm/model.js';
import { assistantText } from '../support/builders.js';

describe('createScriptedModel', () => {
  it('replays turns in order, records copies of what it was sent, then reports running out', async () => {
    const model = createScriptedModel([assistantText('one'), (req) => assistantText(`saw ${req.messages.length}`)]);
    const messages: Message[] = [{ role: 'user', content: 'hi' }];
    expect((await model.complete({ messages, tools: [] })).message.content).toBe('one');
    messages.push({ role: 'user', content: 'again' });
    expect((await model.complete({ messages, tools: [] })).message.content).toBe('saw 2');
    expect(model.requests[0]!.messages).toHaveLength(1); // a copy, not the live array
    const done = await model.complete({ messages, tools: [] });
    expect(done.finishReason).toBe('error');
    expect(done.errorMessage).toContain('no turn left');
    expect(model.remaining()).toBe(0);
  });
});
