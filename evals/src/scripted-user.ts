/**
 * The scripted user (τ's simulated user, deterministic): an opening message, then replies taken in order when the
 * agent's last message fits the reply's `when` (default: the agent asked a question). A question nothing fits gets
 * the neutral `fallback_reply` once; otherwise the user has nothing more to say and the conversation ends — the
 * user never invents information.
 */
import type { Scenario } from './schema.js';

/** Create the user for one trial. */
export function createScriptedUser(spec: Scenario['user']) {
  let next = 0;
  let fallbackUsed = false;
  return {
    opening: spec.opening,
    /** The reply to the agent's last words, or undefined when the user is done. */
    reply(agentText: string): string | undefined {
      const r = spec.replies[next];
      const asked = agentText.includes('?');
      const fits =
        r && (r.when === 'always' ? true : r.when === 'question' ? asked : new RegExp(r.when, 'i').test(agentText));
      if (r && fits) {
        next++;
        return r.say;
      }
      if (asked && !fallbackUsed && spec.fallback_reply) {
        fallbackUsed = true;
        return spec.fallback_reply;
      }
      return undefined;
    },
  };
}
