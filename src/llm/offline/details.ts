/**
 * Trailing details: "Invite x@y.test to sign up. It should only be valid for 3 days.", "New JWT template
 * grafana … Tokens should live 5 minutes, and allow 10 seconds of clock skew." A sentence with no action of its own
 * often only gives parameters of the one change the message asks for. When the message asks for exactly one
 * invitation or one JWT template create/update, options said anywhere in the message fill the fields its own
 * clause left out (never overriding what the clause said).
 */
import type { Sentence } from './entities.js';
import type { Intent } from './intent-types.js';
import { jwtName, jwtTimes, oauthName } from './intents-named.js';
import { INVITE_FIELDS } from './intents-orgs.js';
import { orgMention } from './org-context.js';
import { CREATOR } from './org-thread.js';
import { toRef } from './refs.js';
import { parseClaimAdd } from './claim-change.js';

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
    if (withTimes.fields.claim_add === true) {
      const { claim_add: _add, ...rest } = withTimes.fields;
      const added = parseClaimAdd(whole);
      withTimes.fields = added ? { ...rest, claim_change: added } : rest;
    }
    // "grafana template - sessions drop too soon. set lifetime 10 minutes": the template one sentence names is
    // the one the change in another sentence (which names none) is about.
    if (withTimes.kind === 'named_update' && !withTimes.ref) {
      // (A quoted value — "from 'user' to 'viewer'" — is not a template's name.)
      const name = jwtName(whole.masked.replace(/\b(?:from|to|be|than|of|value|is)\s+⟦q\d+⟧/gi, ' '), whole);
      if (name) return { ...withTimes, ref: { kind: 'name', value: name } };
    }
    return withTimes;
  }
  // "set up an org called X with slug x and have P as its creator" (one clause): P creates it (created_by).
  if (intent.kind === 'org_create' && !intent.ownerRef) {
    const creator = whole.masked.match(CREATOR)?.[1]?.replace(/\s*\([^)]*\)/g, '');
    const ref = creator ? toRef(creator, whole.ents) : undefined;
    if (ref) return { ...intent, ownerRef: ref };
  }
  // "fooco slug to fooco-eu", "fooco bought a bigger plan, lift their member cap to 60": an
  // organization change whose clause names no organization is about the one the message names elsewhere — the
  // owner before the field word, or the subject of the news clause. The planner still has to find it by lookup.
  if (intent.kind === 'org_update' && !intent.org) {
    const name = orgMention(whole.masked) ?? fieldOwner(whole.masked) ?? newsSubject(whole.masked);
    if (name) return { ...intent, org: { kind: 'name', value: name } };
  }
  // "…our reporting tool ("Metrics Hub") … drop the X scope from that OAuth application": the app the message
  // names elsewhere is the one the change (which names none) is about.
  if (intent.kind === 'named_update' && intent.resource === 'oauth' && !intent.ref) {
    const name = oauthName(whole.masked, whole);
    if (name) return { ...intent, ref: { kind: 'name', value: name } };
  }
  return intent;
}

const ORG_FIELD =
  /\b(?:change|set|update|rename|raise|lower|bump|increase|decrease|fix)\s+(?:the\s+)?([a-z][\w&.-]*(?:\s+[a-z][\w&.-]*)?)\s+(?:slug|display name|name|member limit|members? cap|max(?:imum)?\s+members(?:hips)?|membership limit|seat limit|seats)\b/i;
const NEWS_SUBJECT =
  /^([a-z][\w&.-]*(?:\s+[a-z][\w&.-]*){0,2}?)\s+(?:just\s+|recently\s+|has\s+|have\s+)?(?:bought|purchased|signed|renewed|upgraded|downgraded|grew|expanded|added|got|needs|wants|hired|asked|requested)\b/i;
const NOT_ORG =
  /^(?:the|our|my|its|their|his|her|we|they|it|he|she|i|you|customer|client|team|company|org|organization)$/i;

function fieldOwner(masked: string): string | undefined {
  const m = masked.match(ORG_FIELD)?.[1];
  return m && !m.split(/\s+/).some((w) => NOT_ORG.test(w)) ? m : undefined;
}

function newsSubject(masked: string): string | undefined {
  const m = masked.match(NEWS_SUBJECT)?.[1];
  return m && !m.split(/\s+/).some((w) => NOT_ORG.test(w)) && !/⟦/.test(m) ? m : undefined;
}
