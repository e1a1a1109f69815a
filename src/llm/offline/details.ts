/**
 * Trailing details: "Send a sign-up invite to x@y.test. It should only be valid for 3 days.", "New JWT template
 * grafana … Tokens should live 5 minutes, and allow 10 seconds of clock skew." A sentence with no action of its own
 * often only gives parameters of the one change the message asks for. When the message asks for exactly one
 * invitation or one JWT template create/update, options said anywhere in the message fill the fields its own
 * clause left out (never overriding what the clause said).
 */
import type { Sentence } from './entities.js';
import type { Intent } from './intent-types.js';
import { jwtName, jwtTimes } from './intents-named.js';
import { INVITE_FIELDS } from './intents-orgs.js';

/** The intent with options from the whole message added where its clause said nothing. */
export function withDetails(intent: Intent, whole: Sentence): Intent {
  if (intent.kind === 'invite') {
    const extra = INVITE_FIELDS(whole.masked, whole);
    // Metadata JSON belongs to the clause that carries it; only scalar options travel across sentences.
    delete extra.public_metadata;
    return { ...intent, fields: { ...extra, ...intent.fields } };
  }
  if ((intent.kind === 'named_create' || intent.kind === 'named_update') && intent.resource === 'jwt') {
    const withTimes = { ...intent, fields: { ...jwtTimes(whole.masked), ...intent.fields } };
    // "hasura jwt template - tokens expire too fast. make lifetime 5 minutes": the template one sentence names is
    // the one the change in another sentence (which names none) is about.
    if (withTimes.kind === 'named_update' && !withTimes.ref) {
      const name = jwtName(whole.masked, whole);
      if (name) return { ...withTimes, ref: { kind: 'name', value: name } };
    }
    return withTimes;
  }
  return intent;
}
