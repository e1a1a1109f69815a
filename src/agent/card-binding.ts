/**
 * The card is bound to what it approves. A stored RunState carries each pending call's preview, and whoever can
 * edit the state could make a DELETE read "Show Bob Stone (GET)". The argsDigest binds the action and arguments,
 * not the words a human reads, so the words are recomputed here from the registry and the exact action + args:
 * the text (with the labels it was written with: names from reads, always shown next to their id), the request
 * lines and their bodies, and the fixed consequences ("This cannot be undone."); the labels themselves are read
 * again and must match what the instance says now. A stored card that differs in any of these is refused: its call
 * is denied, whatever the decision says. Only the live-read parts (the field diff and counted consequences) may
 * differ, as they reflect the instance at preview time.
 */
import type { Registry } from '../actions/registry.js';
import type { DecisionMatch } from './approval.js';
import { canonicalJson } from './digest.js';
import { fixedConsequences } from './preview-consequences.js';
import { boundCard, type PreviewDeps, resolveLabels } from './preview.js';
import { redactDeep } from '../util/secrets.js';
import type { PendingCall, Preview } from './types.js';

/** The card of `call` recomputed from the registry, or why it cannot be trusted. */
export function recomputeCard(
  registry: Registry,
  call: PendingCall,
): { ok: true; preview: Preview } | { ok: false; reason: string } {
  const action = registry.get(call.action);
  if (!action || action.risk === 'read' || !action.params.safeParse(call.args).success)
    return { ok: false, reason: 'the pending call no longer matches a known action and valid arguments' };
  let bound: ReturnType<typeof boundCard>;
  try {
    bound = redactDeep(boundCard(action, call.args, call.preview.labels ?? {}));
  } catch {
    return { ok: false, reason: 'no request can be built from its arguments' };
  }
  const stored = call.preview;
  const differs: string[] = (['text', 'method', 'path', 'requests'] as const).filter(
    (k) => canonicalJson(stored[k] ?? null) !== canonicalJson(bound[k]),
  );
  const missing = fixedConsequences(action).filter((c) => !(stored.consequences ?? []).includes(c));
  if (missing.length > 0) differs.push('consequences');
  if (differs.length > 0) {
    return { ok: false, reason: `its ${differs.join(', ')} differ from what ${call.action} with these arguments does` };
  }
  return { ok: true, preview: { ...stored, ...bound } };
}

/**
 * The pending calls of a (stored) state with their cards recomputed: what a front end should render. A call whose
 * stored card was altered is returned with `altered` set, and `resume` will deny it.
 */
export function verifiedPending(
  registry: Registry,
  pending: readonly PendingCall[],
): Array<PendingCall & { altered?: string }> {
  return pending.map((call) => {
    const card = recomputeCard(registry, call);
    return card.ok ? { ...call, preview: card.preview } : { ...call, altered: card.reason };
  });
}

/**
 * Turns approvals of calls whose stored card was altered into denials (and says so). The names on the card are
 * read again: a stored label that differs from what the instance says now for the same id (an edited name, or a
 * rename since the card was shown) means the human approved words that are not true; a name that cannot be read
 * now is not held against the card (its id is always shown next to it).
 */
export async function withoutAlteredCards(
  deps: PreviewDeps,
  match: DecisionMatch,
  signal?: AbortSignal,
): Promise<DecisionMatch> {
  const altered = new Map<PendingCall, string>();
  for (const a of match.approved) {
    const card = recomputeCard(deps.registry, a.call);
    if (!card.ok) altered.set(a.call, card.reason);
    else {
      const stale = await staleLabels(a.call, deps, signal);
      if (stale) altered.set(a.call, stale);
    }
  }
  if (altered.size === 0) return match;
  return {
    approved: match.approved.filter((a) => !altered.has(a.call)),
    denied: [
      ...match.denied,
      ...match.approved
        .filter((a) => altered.has(a.call))
        .map((a) => ({
          call: a.call,
          reason: `the approval card was altered (${altered.get(a.call)}), so the yes does not cover this call`,
          approver: a.approver,
        })),
    ],
    refused: [
      ...match.refused,
      ...[...altered].map(([call, why]) => ({
        message: `Decision refused for ${call.action} (${call.callId}): the stored approval card was altered: ${why}.`,
      })),
    ],
  };
}

/** Why the card's names are not what the instance says now, or undefined when every readable name matches. */
async function staleLabels(call: PendingCall, deps: PreviewDeps, signal?: AbortSignal): Promise<string | undefined> {
  const stored = call.preview.labels ?? {};
  if (Object.keys(stored).length === 0) return undefined;
  const live = redactDeep(await resolveLabels(call.args, deps, undefined, signal));
  const wrong = Object.keys(live).filter((id) => Object.hasOwn(stored, id) && stored[id] !== live[id]);
  return wrong.length > 0 ? `the name shown for ${wrong.join(', ')} is not the one the instance has` : undefined;
}
