/**
 * Truthful wording, checked against the conversation rather than trusted to each plan: "Nothing was changed" is
 * never said in a turn where a change executed (a step of a compound request that found nothing to do must not
 * deny the step that did), and "Nothing to change" always says which lookups proved it.
 */
import type { Turn } from './conversation.js';
import { asPage, type Envelope } from './results.js';

const READ_TOOL = /_(?:list|get)$/;

/** Mutations of the current request that ran and succeeded (by call name). */
export function executedChanges(turn: Turn): string[] {
  return [...turn.results.entries()]
    .filter(([key, env]) => env.status === 'ok' && !READ_TOOL.test(nameOf(key)))
    .map(([key]) => nameOf(key));
}

/** `text` with every "nothing was changed" claim removed when a change of this request executed. */
export function truthfulText(text: string, turn: Turn): string {
  return executedChanges(turn).length === 0 ? text : withoutNothingChanged(text);
}

/** `text` without "Nothing was changed" / "Nothing to change" sentences. */
export function withoutNothingChanged(text: string): string {
  return text
    .replace(/[ \t]*\n?[ \t]*Nothing (?:was|has been) changed\.?/gi, '')
    .replace(/[ \t]*\n?[ \t]*Nothing to change\.?/gi, '')
    .trim();
}

/** "Nothing to change", with the lookups of this request that showed it (or the admission that none was made). */
export function nothingToChange(turn: Turn): string {
  const reads = [...turn.results.entries()].filter(([key]) => READ_TOOL.test(nameOf(key)));
  if (reads.length === 0) return 'I found nothing to act on in that request (no lookup was made). Nothing was changed.';
  const lines = reads.map(([key, env]) => `- ${describeRead(key, env)}`);
  // (The plan found no target needing the change; that alone does not prove the request was already done, so the
  // answer says what was looked up rather than claiming it.)
  return `Nothing to change: these lookups found nothing that needs it:\n${lines.join('\n')}\nNothing was changed.`;
}

function nameOf(key: string): string {
  return key.slice(0, key.indexOf(' '));
}

/** "clerk_users_list {email_address: [...]} → 1 found". */
function describeRead(key: string, env: Envelope): string {
  const name = nameOf(key);
  let args = key.slice(name.length + 1);
  try {
    const parsed = JSON.parse(args) as Record<string, unknown>;
    const shown = Object.entries(parsed).filter(([k]) => k !== 'limit' && k !== 'offset');
    args = shown.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join(' ');
  } catch {
    // keep the raw text
  }
  const found =
    env.status === 'ok'
      ? name.endsWith('_get')
        ? 'found'
        : `${asPage(env.result).items.length} found`
      : `lookup ${env.status === 'error' ? 'failed' : 'not run'}`;
  return `${name}${args ? ` (${args})` : ''}: ${found}`;
}
