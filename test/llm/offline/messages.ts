/**
 * Hand-written conversations for the offline model: one message builder each for the user, an assistant tool
 * call and its tool result, and `complete` sending them (after a system prompt) to a model on the fixed clock.
 */
import type { Message, ModelResponse } from '../../../src/llm/model.js';
import { createOfflineModel } from '../../../src/llm/offline.js';
import { NOW } from './drive.js';

const model = createOfflineModel({ now: () => NOW });

export const user = (content: string): Message => ({ role: 'user', content });
export const complete = (messages: Message[]): Promise<ModelResponse> =>
  model.complete({ messages: [{ role: 'system', content: 'sys' }, ...messages], tools: [] });
export const call = (id: string, name: string, args: unknown): Message => ({
  role: 'assistant',
  content: null,
  toolCalls: [{ id, name, arguments: JSON.stringify(args) }],
});
export const tool = (id: string, envelope: unknown): Message => ({
  role: 'tool',
  toolCallId: id,
  content: JSON.stringify(envelope),
});
