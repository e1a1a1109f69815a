/**
 * A real clock moves between the steps of one request. Relative-date reads ("this week") must still be recognised
 * as done on the next step, or the planner repeats them until the step limit.
 */
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/actions/registry.js';
import { createAuditLog } from '../../../src/agent/audit.js';
import { createAgent } from '../../../src/agent/create-agent.js';
import { loadSystemPrompt } from '../../../src/agent/prompt.js';
import type { AgentEvent } from '../../../src/agent/types.js';
import { createClerkClient } from '../../../src/clerk/client.js';
import { createOfflineModel } from '../../../src/llm/offline.js';
import { createSandbox } from '../../../src/sandbox/index.js';
import { NOW } from './drive.js';

describe('offline model with a ticking clock', () => {
  it.each(['who signed up this week?', 'users active in the last 30 days', 'who signed up today'])(
    'answers "%s" with one read',
    async (input) => {
      const sandbox = createSandbox({ seed: 'demo', now: () => NOW });
      let tick = NOW;
      const agent = createAgent({
        model: createOfflineModel({ now: () => (tick += 37) }),
        registry: createRegistry(),
        clerk: createClerkClient({ secretKey: sandbox.secretKey, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch }),
        audit: createAuditLog({}),
        systemPrompt: loadSystemPrompt(),
      });
      const events: AgentEvent[] = [];
      const outcome = await agent.run(input, { onEvent: (e) => events.push(e) });
      expect(outcome.status).toBe('done');
      expect(events.filter((e) => e.type === 'tool_start')).toHaveLength(1);
    },
  );
});
