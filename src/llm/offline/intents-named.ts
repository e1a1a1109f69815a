/**
 * Intent patterns for the small named resources: JWT templates, domains and OAuth applications. Each is found by
 * name (or id) in its list, so the parser only needs the name and the fields.
 */
import type { Sentence } from './entities.js';
import { unmask } from './entities.js';
import type { Fields, Intent, Ref } from './intent-types.js';
import { COUNT, READ } from './phrases.js';
import { parseClaimChange, parseClaimRemoval } from './claim-change.js';
import { NUMBER_WORDS } from './number-words.js';
import { readNewName } from './new-name.js';
import { ACTION_VERB } from './clauses.js';
import {
  addedScopes,
  bareScopeEdit,
  deniedScopes,
  keptScopes,
  scopeListAfter,
  scopeListEdit,
  scopeNames,
} from './scope-names.js';

const STOP = new Set([
  'a',
  'an',
  'the',
  'new',
  'jwt',
  'this',
  'that',
  'every',
  'each',
  'all',
  'any',
  'my',
  'our',
  'called',
  'named',
  'with',
  'for',
  'to',
  'and',
  'of',
  'template',
  'templates',
  'token',
  'oauth',
  'app',
  'application',
  'domain',
  'satellite',
  'existing',
  // Adverbs and modals after "template" are no names: "could the foo template also include …".
  'also',
  'too',
  'now',
  'still',
  'just',
  'only',
  'please',
  'pls',
  'could',
  'would',
  'must',
  'need',
  'needs',
  'its',
  'their',
  // Function words never name a template: "the template are getting rejected", "template is broken".
  'are',
  'is',
  'was',
  'were',
  'be',
  'been',
  'being',
  'getting',
  'gets',
  'got',
  'has',
  'have',
  'had',
  'from',
  'in',
  'on',
  'at',
  'by',
  'it',
  'so',
  'because',
  'keeps',
  'should',
  'will',
  'can',
  'does',
  'did',
  'which',
  'we',
  'our',
  'you',
  'i',
  // Field words of a template are not its name: "grafana jwt clock skew to 20 sec".
  'clock',
  'skew',
  'lifetime',
  'ttl',
  'claims',
  'claim',
  'tokens',
  // …nor what a template does: "the foo template expires after a minute".
  'expires',
  'expire',
  'expired',
  'lasts',
  'works',
  'fails',
  'issues',
  // Verbs never name a template: "in the grafana template change the team claim …".
  'change',
  'set',
  'update',
  'make',
  'switch',
  'add',
  'remove',
  'edit',
]);

function verbKind(c: string): 'create' | 'delete' | 'update' | 'read' | undefined {
  // "add learner to the roles on the hasura template", "add this callback to the Foo app": adding something to an
  // existing record changes it — only "add a (new) template/app …" creates one.
  if (
    /^add\b/i.test(c) &&
    !/^add\s+(?:a|an|another|one|new)\s+(?:new\s+|fresh\s+)?(?:jwt\s+|oauth\s+)?(?:template|app|application|integration|client|domain)\b/i.test(
      c,
    ) &&
    /\b(?:to|on|onto|into|in)\s+(?:the|our|my|that|this|its|their)\b/i.test(c)
  )
    return 'update';
  if (/^(?:delete|remove|drop|destroy|erase|get rid of|purge|trash|deregister|unregister|revoke)\b/i.test(c))
    return 'delete';
  // "put the lifetime in 5 minutes", "add the clock skew of 10s": a setting said with "the" is one the record has.
  if (
    /^(?:add|put|set|place)\s+the\s+(?:token\s+)?(?:lifetime|ttl|expiry|expiration|(?:allowed\s+)?clock\s+skew|leeway)\b/i.test(
      c,
    )
  )
    return 'update';
  if (/^(?:create|add|new|make (?:a|an|new)|set ?up|register|define|start|build|generate|spin up|connect)\b/i.test(c))
    return 'create';
  // "I need a new JWT template named …": asking for something new is a create, not a look-up.
  if (/^(?:i|we)\s+(?:need|want|would like|'d like)\s+(?:a\s+|an\s+|another\s+)?(?:new|fresh|additional)\b/i.test(c))
    return 'create';
  if (
    /^(?:update|change|set|edit|modify|rename|alter|adjust|raise|lower|increase|decrease|bump|switch|turn|make|enable|disable|require|extend|shorten|replace)\b/i.test(
      c,
    )
  )
    return 'update';
  if (READ.test(c) || COUNT.test(c)) return 'read';
  return undefined;
}

/** Seconds from "3600", "3600 seconds", "5 minutes", "2 hours", "1 day". */
function seconds(n: string, unit: string | undefined): number {
  const v = Number(n);
  if (!unit) return v;
  if (/^m(?:in|inute)?s?$/i.test(unit)) return v * 60;
  if (/^h(?:our|r)?s?$/i.test(unit)) return v * 3600;
  if (/^d(?:ay)?s?$/i.test(unit)) return v * 86400;
  return v;
}

export function jwtName(c: string, s: Sentence): string | undefined {
  // A quoted name next to the template words names it; a quoted error message elsewhere ("getting 'token not yet
  // valid' errors") does not, unless nothing else names a template.
  const quoted =
    // ("a claim called "plan"" names the claim, not the template.)
    c.match(
      /⟦q(\d+)⟧(?=\s+(?:jwt|template|token\s+template))|\b(?:template|jwt|(?<!claims?\s)(?:called|named))\s+⟦q(\d+)⟧/i,
    ) ??
    (/\b[\w.-]+\s+(?:jwt\s+)?template\b|\btemplate\s+[\w.-]+/i.test(c.replace(/⟦q\d+⟧/g, ''))
      ? null
      : // (…but never the quoted key of a claim: "remove claim 'x-foo'".)
        c.match(/(?<!\bclaims?\s+(?:called\s+|named\s+|keyed\s+)?)⟦q(\d+)⟧/));
  if (quoted) return s.ents.quoted[Number(quoted[1] ?? quoted[2])];
  const candidates = [
    // ("a claim called org_id" names the claim, not the template.)
    c.match(/\b(?<!claims?\s)(?:called|named)\s+([\w.-]+)/i)?.[1],
    c.match(/\b(?:jwt\s+)?template\s+(?!called|named)([\w.-]+)/i)?.[1],
    c.match(/\b([\w.-]+)\s+(?:jwt\s+)?(?:token\s+)?template\b/i)?.[1],
    // "foo jwt's lifetime", "the foo jwts": the name before "jwt" (not "foo jwt template", read above).
    c.match(/\b([\w.-]+)\s+jwt(?:s|'s|’s)?\b(?!\s+templates?\b)/i)?.[1],
    c.match(/\bjwt\s+(?!templates?\b)([\w.-]+)/i)?.[1],
  ];
  return candidates.find(
    (x) => x !== undefined && !STOP.has(x.toLowerCase()) && /[a-z]/i.test(x) && !/^\d+$/.test(x) && !/⟦/.test(x),
  );
}

// "a day", "an hour": an article before a unit is one of it.
const DURATION_WORDS: Readonly<Record<string, number>> = { a: 1, an: 1, ...NUMBER_WORDS };

/** Token lifetime and clock skew in seconds: "lifetime 1 hour", "tokens should live 5 minutes", "10 seconds of clock skew". */
export function jwtTimes(said: string): Fields {
  const fields: Fields = {};
  // "two hours", "an hour", "half an hour": durations said in words read as digits.
  const c = said
    .replace(/\bhalf an? hour\b/gi, '30 minutes')
    // ("a whole day", "one full hour": the length said with weight.)
    .replace(/\b(an?|one)\s+(?:whole|full|entire)\s+(?=(?:sec|second|min|minute|hr|hour|day)s?\b)/gi, '$1 ')
    .replace(
      new RegExp(
        `\\b(${Object.keys(DURATION_WORDS).join('|')})(?=\\s+(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?)\\b)`,
        'gi',
      ),
      (w) => String(DURATION_WORDS[w.toLowerCase()]),
    );
  const UNIT = '(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)';
  // The field's own name first: "expires after a minute … raise its lifetime to 5 minutes" sets 5 minutes.
  // (A number is never the lifetime's when another setting is named between them — "token-not-yet-valid errors,
  // so loosen the clock skew to 10 seconds" sets the skew only — nor, for the loose words ("valid", "lasts"), when a
  // clause ends between them.)
  // (A quoted name may stand between the field and its value: "the skew on the template "foo" to 2 seconds".)
  const GAP = '(?:[^\\d⟦]|⟦q\\d+⟧)*';
  const named = c.match(new RegExp(`\\b(?:lifetime|ttl)\\b(${GAP})(\\d+)\\s*${UNIT}?\\b`, 'i'));
  const loose = c.match(
    new RegExp(`\\b(?:expir\\w*|valid(?:ity)?|lasts?|lasting|live|living)\\b([^\\d⟦,.;!?]*)(\\d+)\\s*${UNIT}?\\b`, 'i'),
  );
  const OTHER_SETTING = /\b(?:skew|leeway)\b/i;
  const life =
    (named && !OTHER_SETTING.test(named[1]!) ? named : null) ??
    (loose && !OTHER_SETTING.test(loose[1]!) ? loose : null);
  // A bare number is a lifetime only when it is said of it ("lifetime to 300", "ttl: 60"), not one met clauses
  // later ("tokens expire too fast, users get 401 all the time").
  const gap = life?.[1] ?? '';
  const bareAndFar =
    life &&
    !life[3] &&
    (/[,.;!?]/.test(gap) || (gap.trim() !== '' && !/(?:\b(?:to|be|is|at|of|from)|[:=])\s*$/i.test(gap)));
  // "lifetime 60s -> 300s", "ttl from 60 to 300": the old value is context, the one after the arrow is new.
  const then = (m: RegExpMatchArray): RegExpMatchArray | null =>
    c.slice(m.index! + m[0].length).match(new RegExp(`^\\s*(?:->|→|=>|to)\\s*(\\d+)\\s*${UNIT}?\\b`, 'i'));
  const lifeNext = life ? then(life) : null;
  if (lifeNext) fields.lifetime = seconds(lifeNext[1]!, lifeNext[2]);
  else if (life && !bareAndFar) fields.lifetime = seconds(life[2]!, life[3]);
  const skew = c.match(
    new RegExp(
      `\\b(?:clock )?skew\\b${GAP}(\\d+)\\s*${UNIT}?\\b|\\b(\\d+)\\s*${UNIT}?\\s+(?:of\\s+)?(?:allowed\\s+)?clock\\s+skew\\b`,
      'i',
    ),
  );
  const skewNext = skew?.[1] !== undefined ? then(skew) : null;
  if (skewNext) fields.allowed_clock_skew = seconds(skewNext[1]!, skewNext[2]);
  else if (skew) fields.allowed_clock_skew = seconds(skew[1] ?? skew[3]!, skew[2] ?? skew[4]);
  return fields;
}

const TOKENS_OF = /\b(?:the\s+|our\s+)?([a-z][\w.-]*)\s+(?:jwts?\s+)?tokens?\b/i;

// "… to also include an "org_id" claim …", "add a new tier claim": a claim added, said anywhere in the clause.
const ADDS_CLAIM =
  /\b(?:add|include|put|insert|append)\s+(?:(?:a|an|the|one|more|new|another|extra|custom)\s+)*(?:⟦q\d+⟧\s+|[\w.:-]+\s+)?claims?\b/i;

/** JWT templates. */
export function parseJwt(c: string, s: Sentence): Intent | undefined {
  // Lifetime and clock skew are fields only JWT templates have: "make lifetime 5 minutes" is about a template.
  // "make the foo tokens last 2 hours", "foo tokens should expire after 10 minutes": how long the tokens of a named
  // template live is its lifetime (the word before "tokens" is the template's name; one that is none is reported).
  const tokenName = TOKENS_OF.exec(c)?.[1];
  const tokensTimed =
    tokenName !== undefined &&
    !STOP.has(tokenName.toLowerCase()) &&
    !/^(?:session|access|refresh|api|auth|bearer|id|their|his|her|all|those|these)$/i.test(tokenName) &&
    /\b(?:should|must|needs?\s+to|has\s+to|make|set|let)\b/i.test(c) &&
    jwtTimes(c).lifetime !== undefined;
  const timed = (/\blifetime\b|\bclock skew\b/i.test(c) && Object.keys(jwtTimes(c)).length > 0) || tokensTimed;
  // …and so are claims: "change the role claim from X to Y" (the template may be named in another clause).
  const claimed =
    /\bclaim\b/i.test(c) &&
    (parseClaimChange(c, s) !== undefined ||
      ADDS_CLAIM.test(c) ||
      (verbKind(c) === 'delete' && parseClaimRemoval(c, s) !== undefined));
  if ((!/\bjwts?\b|\btemplates?\b/i.test(c) && !timed && !claimed) || /\bemail template|\binvitation template/i.test(c))
    return undefined;
  const id = s.ents.ids.find((i) => i.prefix === 'jtmp');
  // "put one more claim into the foo template": a change to a template that exists, never a new template.
  const addsToExisting =
    /^(?:add|put|include|insert|append)\b.*\b(?:claims?|fields?|keys?)\b.*\b(?:to|in|into)\s+(?:our|the|my|that|this|existing)\b/i.test(
      c,
    );
  const times = jwtTimes(c);
  // "tokens from the foo template should live for 2 hours", "allow 10 seconds of clock skew on foo": a time value
  // for a named template, with no verb that reads, is a change.
  // (A report such as "the foo template expired 10 minutes ago" says no "should", so it stays a report.)
  const statesTime =
    Object.keys(times).length > 0 &&
    /\b(?:should|must|needs?\s+to|has\s+to|ought\s+to|allow|permit)\b/i.test(c) &&
    !READ.test(c) &&
    !COUNT.test(c);
  const verb = addsToExisting ? 'update' : (verbKind(c) ?? (statesTime ? 'update' : undefined));
  const fields: Fields = {};
  if (s.ents.json[0]) fields.claims = s.ents.json[0];
  Object.assign(fields, times);
  // "add a claim to the grafana template": a new claim in an existing template (details.ts finds key and value).
  // (Anywhere in the clause, and with the key before "claim": "… to also include an "org_id" claim …".)
  if (
    /^(?:add|include|put|insert)\s+(?:a\s+|an\s+|the\s+|one\s+|more\s+|new\s+|another\s+|extra\s+)*claims?\b/i.test(
      c,
    ) ||
    (ADDS_CLAIM.test(c) && !/^(?:is|are|does|do|did|has|have|what|which|why|how)\b/i.test(c))
  ) {
    const target = id ? { kind: 'id' as const, value: id.value } : nameRef(jwtName(c, s));
    return {
      kind: 'named_update',
      resource: 'jwt',
      ...(target ? { ref: target } : {}),
      fields: { ...fields, claim_add: true },
    };
  }
  if (verb === 'create') {
    const name = jwtName(c, s);
    if (name) fields.name = name;
    return { kind: 'named_create', resource: 'jwt', fields };
  }
  const plural = /\btemplates\b|\bjwts\b/i.test(c);
  // "the default role claim should be 'viewer'": one claim changes; the name is read from the rest of the clause.
  const claim = parseClaimChange(c, s);
  if (claim) {
    const rest = c
      .replace(new RegExp(`\\b${claim.words.join("(?:'s)?\\s+")}\\s+claim\\b`, 'i'), ' ')
      .replace(/\b(?:should be|be|to|from|rather than|instead of|not)\s+(?:⟦q\d+⟧|[^\s,;.]+)/gi, ' ');
    const target = id ? { kind: 'id' as const, value: id.value } : nameRef(jwtName(rest, s));
    return {
      kind: 'named_update',
      resource: 'jwt',
      ...(target ? { ref: target } : {}),
      fields: { ...fields, claim_change: claim },
    };
  }
  const ref: Ref | undefined = id
    ? { kind: 'id', value: id.value }
    : (nameRef(jwtName(c, s)) ?? (tokensTimed ? nameRef(tokenName) : undefined));
  // "drop the email claim from the foo template": one claim goes, never the template. A removal whose claim cannot
  // be read changes nothing.
  if (verb === 'delete' && /\bclaims?\b/i.test(c)) {
    const removed = parseClaimRemoval(c, s);
    if (!removed) return { kind: 'unknown', topic: 'jwt' };
    const rest = c.replace(
      /\b(?:remove|drop|delete|strip|erase|take\s+out|take|get\s+rid\s+of)\s+.*?\bclaims?\b(?:\s+(?:called|named|keyed))?(?:\s+⟦[qi]\d+⟧|\s+[\w.:-]+(?=\s+(?:from|out|of)\b))?/i,
      ' ',
    );
    const target = id ? ref : nameRef(jwtName(rest, s));
    return {
      kind: 'named_update',
      resource: 'jwt',
      ...(target ? { ref: target } : {}),
      fields: { claim_change: removed },
    };
  }
  if (verb === 'delete')
    return ref
      ? { kind: 'named_delete', resource: 'jwt', refs: [ref] }
      : plural
        ? { kind: 'named_list', resource: 'jwt' }
        : { kind: 'named_delete', resource: 'jwt', refs: [] };
  // "tokens from X should live two hours": a clause that states a lifetime or skew changes it, whatever its verb —
  // unless it reports the past ("the foo template expired 10 minutes ago").
  // (…nor how it is now: "the token from the foo template expires after a minute" describes, it asks nothing.)
  const timeStated =
    Object.keys(times).length > 0 &&
    // ("is it possible that those tokens live only a minute?": a question about the time, not a new one.)
    !/^(?:is|are|was|were|does|do|did)\b/i.test(c) &&
    !/\bago\b|\b(?:was|were|had|expired|lasted)\b/i.test(c) &&
    !/\b(?:expires|lasts|is\s+valid)\s+(?:after|in|for|within)\b/i.test(
      c.replace(/\b(?:should|must|needs?\s+to|to)\b.*$/i, ''),
    );
  // "… rename JWT template foo → foo-prod", "the foo template should be called bar": the new name said anywhere
  // (new-name.ts); a template's name is one token.
  const renamed = readNewName(c, s);
  const newName = renamed && /^[\w.-]+$/.test(renamed.name) ? renamed : undefined;
  if (verb === 'update' || timeStated || newName) {
    const rename = c.match(
      /^rename\s+(?:the\s+)?(?:jwt\s+)?(?:template\s+)?(?:⟦q\d+⟧|[\w.-]+)(?:\s+(?:jwt\s+)?template)?\s+to\s+(?:⟦q(\d+)⟧|([\w.-]+))/i,
    );
    if (rename) fields.name = rename[1] !== undefined ? s.ents.quoted[Number(rename[1])] : rename[2];
    else if (newName) fields.name = newName.name;
    const target = id
      ? ref
      : nameRef(
          (!rename && newName ? jwtName(newName.head, s) : undefined) ??
            jwtName(c.replace(/\s+to\s+(?:⟦q\d+⟧|[\w.-]+)$/i, ''), s) ??
            (tokensTimed ? tokenName : undefined),
        );
    return { kind: 'named_update', resource: 'jwt', ...(target ? { ref: target } : {}), fields };
  }
  if (ref && !plural) return { kind: 'named_get', resource: 'jwt', ref };
  if (verb === 'read' || plural || /^jwt/i.test(c)) return { kind: 'named_list', resource: 'jwt' };
  return undefined;
}

function nameRef(name: string | undefined): Ref | undefined {
  return name ? { kind: 'name', value: name } : undefined;
}

// Words before "domain" that say what kind of domain, not which one.
const DOMAIN_ADJECTIVE =
  /^(?:satellite|primary|main|secondary|email|e-mail|custom|new|old|other|same|whole|entire|production|prod|staging|dev|root|apex|sender|sending|mail|its|their|your|a|an)$/i;

// A domain described by its kind: "the satellite (one)", "the non-primary one", "the secondary domain".
const SATELLITE =
  /\bthe\s+(?:satellite|non-?\s?primary|secondary)(?:\s+(?:one|domain))?\b|\b(?:isn'?t|is\s+not|that'?s\s+not)\s+(?:the\s+)?(?:primary|main)\b|\bis\s+(?:a|the)\s+satellite\b/i;

/** Domains: list, get, create (satellite), delete. */
export function parseDomains(c: string, s: Sentence): Intent | undefined {
  const id = s.ents.ids.find((i) => i.prefix === 'dmn');
  if (!/\bdomains?\b|\bsatellites?\b/i.test(c) && !id) return undefined;
  if (/\bemail domain\b/i.test(c)) return undefined;
  const verb = verbKind(c);
  const host = s.ents.hosts[0];
  // "the blog domain", "our shop domain": a domain named by a word of its host name (matched against the list);
  // "the blog satellite domain", "the old blog domain": that word among words that only say what kind it is.
  const said = (
    c.match(/\b(?:the|our|my|that|this)\s+((?:[a-z0-9][a-z0-9-]*\s+){0,2}?[a-z0-9][a-z0-9-]*)\s+domain\b(?!s)/i)?.[1] ??
    ''
  )
    .split(/\s+/)
    .filter(Boolean);
  const words = said.filter((w) => !DOMAIN_ADJECTIVE.test(w));
  // (Said with "satellite", the word narrows the satellites when a host holds it and only describes otherwise —
  // "the extra satellite domain"; the planner decides, plan-named.ts.)
  const withSatellite = said.some((w) => /^satellite$/i.test(w));
  const word = words.length === 1 && !withSatellite ? words[0] : undefined;
  const narrowed: Ref | undefined =
    words.length === 1 && withSatellite && !host && !id
      ? { kind: 'name', value: words[0]!, where: 'satellite' }
      : undefined;
  // "the satellite domain", "the one of our domains that isn't the primary": described, not named; the
  // planner picks among the satellites (or asks). A plural is a list, unless it is the whole the one is out of.
  const partitive = /\b(?:of|among)\s+(?:our|the|my|your|their)\s+(?:\w+\s+)?domains\b/i.test(c);
  const satellite: Ref | undefined =
    !host &&
    !id &&
    !word &&
    (SATELLITE.test(c) || withSatellite) &&
    (partitive || !/\bdomains\b/i.test(c)) &&
    !/\b(?:all|every|each)\b/i.test(c)
      ? (narrowed ?? { kind: 'name', value: 'satellite', where: 'satellite' })
      : undefined;
  const byWord: Ref | undefined = !host && !id && !satellite && word ? { kind: 'name', value: word } : undefined;
  const ref: Ref | undefined = id
    ? { kind: 'id', value: id.value }
    : host
      ? { kind: 'name', value: host }
      : (satellite ?? byWord);
  if (verb === 'create') {
    const fields: Fields = {};
    if (host) fields.name = host;
    const proxy = c.match(/\bproxy(?:\s+url)?(?:\s+(?:at|of|to|is))?\s+⟦u(\d+)⟧/i);
    if (proxy) fields.proxy_url = s.ents.urls[Number(proxy[1])];
    return { kind: 'named_create', resource: 'domain', fields };
  }
  if (verb === 'delete') {
    const refs: Ref[] = id
      ? [{ kind: 'id', value: id.value }]
      : satellite
        ? [satellite]
        : s.ents.hosts.length > 0
          ? s.ents.hosts.map((h) => ({ kind: 'name' as const, value: h }))
          : byWord
            ? [byWord]
            : [];
    return refs.length > 0 ? { kind: 'named_delete', resource: 'domain', refs } : undefined;
  }
  if (ref && !/\bdomains\b/i.test(c)) return { kind: 'named_get', resource: 'domain', ref };
  if (verb === 'read' || /\bdomains\b/i.test(c)) return { kind: 'named_list', resource: 'domain' };
  return undefined;
}

const OAUTH = /\bo-?auth\s*2?\b|\bclient app(?:lication)?s?\b|\boauth[- ]?apps?\b/i;

// A name described by a word in it: "having Dash in its name", "whose name contains Dash".
const NAME_HAS = [
  /\b(?:with|having|that\s+has|which\s+has|has)\s+(?:the\s+(?:word|text|string)\s+)?(⟦q\d+⟧|[\w.-]+)\s+(?:somewhere\s+)?in\s+(?:its|the|their)\s+(?:name|title)\b/i,
  /\bwhose\s+(?:name|title)\s+(?:contains|includes|mentions|has|starts\s+with|begins\s+with)\s+(?:the\s+(?:word|text)\s+)?(⟦q\d+⟧|[\w.-]+)/i,
  /\b(?:containing|mentioning|including)\s+(?:the\s+(?:word|text)\s+)?(⟦q\d+⟧|[\w.-]+)\s+in\s+(?:its|the|their)\s+(?:name|title)\b/i,
];

export function oauthName(c: string, s: Sentence): string | undefined {
  // "security review thing: the foo oauth app …", "Following our review — the Foo app …": a lead-in label that
  // names no app is not part of the name; the app is named after it.
  const lead = c.match(/^([^:]{1,40}?)(?::|\s+[—–-]+)\s+(.+)$/);
  const APP = /\b(?:o-?auth|apps?|applications?|integrations?|clients?)\b/i;
  if (lead && !APP.test(lead[1]!) && APP.test(lead[2]!)) return oauthName(lead[2]!, s);
  for (const re of NAME_HAS) {
    const word = c.match(re)?.[1];
    if (word) return unmask(word, s.ents).trim();
  }
  const quoted = c.match(/⟦q(\d+)⟧/);
  if (quoted) return s.ents.quoted[Number(quoted[1])];
  const raw =
    c.match(
      // (The name ends with its sentence, and "… called Foo in it / in its name" is the lexicon's "whose name has".)
      /\b(?:called|named)\s+(.+?)(?=\s+(?:with|and|that|having|redirect|scopes?|which|using|to|in\s+(?:it|its\s+name|the\s+name|their\s+name))\b|[,:]|[.;!?](?:\s|$)|$)/i,
    )?.[1] ??
    // "metrics oauth app needs another callback url": the name is the subject before "<oauth> app <verb>".
    c.match(
      /^(?:the\s+|our\s+)?([\w.-]+(?:\s+[\w.-]+){0,2}?)\s+(?:o-?auth\s*2?\s*)(?:app|application|client)\s+(?:needs|should|must|has|is|requires|wants|needed|lacks)\b/i,
    )?.[1] ??
    c.match(/\b(?:for|of|on)\s+(?:the\s+)?(.+?)\s+(?:o-?auth\s*2?\s*)(?:app|application|client)s?\b/i)?.[1] ??
    // "portal oauth app gets a second callback": the name first, before "oauth app".
    c.match(
      /^(?:the\s+|our\s+)?(?!(?:delete|remove|rename|update|change|set|add|create|show|list|get|make|drop|revoke|give|find|look|describe|edit|register|new)\b)([\w.-]+(?:\s+[\w.-]+)?)\s+o-?auth\s*2?\s*(?:app|application|client)\b/i,
    )?.[1] ??
    c.match(
      /^\w+(?:\s+up)?\s+(?:the\s+)?(?:details (?:of|for)\s+(?:the\s+)?)?(.+?)\s+(?:o-?auth\s*2?\s*)(?:app|application|client)s?\b/i,
    )?.[1] ??
    c.match(
      /\bo-?auth\s*2?\s*(?:app|application|client)\s+(?!called|named)(.+?)(?=\s+(?:to|with|and|so|that|redirect|scopes?|public|pkce|consent)\b|,|$)/i,
    )?.[1];
  // "Our Internal Dashboard app needs …": a capitalised name right before "app".
  const named =
    raw ??
    c
      .match(/((?:\b[A-Z][\w-]*\s+)+)(?:o-?auth\s*2?\s*)?(?:app|application)\b/)?.[1]
      ?.replace(/^(?:Our|The|My|This|That)\s+/, '') ??
    lowerCaseAppName(c) ??
    // "the Foo one should only have …": a capitalised name before "one" (the clause is about an app).
    c.match(/\b[Tt]he\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+one\b/)?.[1];
  if (!named) return undefined;
  // ("could we get the Foo app's callback changed": the asking words before the name are no part of it.)
  const name = unmask(named, s.ents)
    .replace(
      /^(?:(?:could|can|would|will|please|pls)\s+)?(?:(?:we|you|u|i)\s+)?(?:(?:please|pls|just)\s+)?(?:get|have|see)\s+/i,
      '',
    )
    .replace(/^(?:the|an?|new|our|my)\s+/i, '')
    .trim();
  // "Could the OAuth app for it …": words of the sentence around a name the user never said are no name; the
  // planner then looks for the one app the message mentions (plan-named.ts).
  if (
    /^(?:could|would|can|will|should|please|pls|for|it|its|this|that|these|those)\b|\b(?:the|for|it|its|an?)$/i.test(
      name,
    )
  )
    return undefined;
  return name && !/⟦/.test(name) && !STOP.has(name.toLowerCase()) ? name : undefined;
}

// Words before "app" that say what kind of app, not which one.
const APP_KIND =
  /^(?:new|same|other|old|whole|first|second|third-party|external|internal|web|mobile|desktop|native|oauth|client|connected|that|this|which|whose|your|their|our|the|an?|its)$/i;

/**
 * "zapier app shouldn't …", "set the metrics app to …": one lower-case word right before "app" names it, as people
 * type names (the lookup matches it against the apps' names; one that matches nothing is reported, never guessed).
 */
function lowerCaseAppName(c: string): string | undefined {
  const verb = new RegExp(`^${ACTION_VERB}$`, 'i');
  for (const m of c.matchAll(
    /\b([a-z][\w.-]*)\s+(?:o-?auth(?!\s+(?:app|application|client|integration)s?\b)|app|application|integration)\b(?!\s+(?:called|named)\b)/g,
  )) {
    const word = m[1]!;
    if (APP_KIND.test(word) || STOP.has(word.toLowerCase()) || verb.test(word)) continue;
    return word;
  }
  return undefined;
}

// "the app that redirects to foo.com", "the client whose callback is on foo.com", "the app with a redirect URI at
// https://foo.com/cb", "the foo.com-redirect app": an OAuth application described by where it sends people back.
const BY_REDIRECT = [
  /\b(?:that|which)\s+(?:redirects?|calls?\s+back|points?|sends?\s+(?:\w+\s+)?back|returns?)\s+(?:to|at|on|into)\s+(⟦[hu]\d+⟧)/i,
  /\bwhose\s+(?:redirect|callback)(?:\s+ur[il]s?)?\s+(?:is|are|goes|go|points?|lives?)\s+(?:to\s+|at\s+|on\s+)?(⟦[hu]\d+⟧)/i,
  /\b(?:with|having|that\s+has|which\s+has)\s+(?:a\s+|the\s+|its\s+)?(?:redirect|callback)(?:\s+ur[il]s?)?\s+(?:on|at|to|of|pointing\s+(?:to|at)|going\s+to)\s+(⟦[hu]\d+⟧)/i,
  /\b(?:with|having|that\s+has|which\s+has)\s+(?:a\s+|the\s+)?(⟦[hu]\d+⟧)\s+(?:redirect|callback)/i,
];

/** The described app's host and the masked token it came from, or undefined. */
function redirectRef(c: string, s: Sentence): { ref: Ref; token: string } | undefined {
  for (const re of BY_REDIRECT) {
    const m = c.match(re);
    if (!m) continue;
    const token = m[1]!;
    const n = Number(token.slice(2, -1));
    const said = token[1] === 'h' ? s.ents.hosts[n] : s.ents.urls[n];
    let host: string | undefined;
    try {
      host = said === undefined ? undefined : token[1] === 'h' ? said : new URL(said).hostname;
    } catch {
      host = undefined;
    }
    if (host) return { ref: { kind: 'name', value: host.toLowerCase(), where: 'redirect' }, token };
  }
  return undefined;
}

/** OAuth applications. */
export function parseOAuth(c: string, s: Sentence): Intent | undefined {
  const id = s.ents.ids.find((i) => i.prefix === 'oa' || i.prefix === 'oauth' || i.prefix === 'app');
  // "The Internal Dashboard app needs https://… as a callback": an app with a callback URL is an OAuth app.
  const callbackApp =
    /\b(?:app|application)\b/i.test(c) &&
    /\b(?:callback|redirect)/i.test(c) &&
    s.ents.urls.length > 0 &&
    !/\binvit/i.test(c);
  // Scopes are a field only OAuth applications have: a request that changes them names an OAuth app.
  const scopesOf = c.match(/^(?:set|change|update|replace)\s+(?:the\s+)?scopes?\s+(?:of|for|on)\s+.+?\s+to\s+(.+)$/i);
  // "drop public_metadata": scopes edited by name alone; the app is the one the message names (details.ts).
  const bare = id ? undefined : bareScopeEdit(c);
  if (bare) return { kind: 'named_update', resource: 'oauth', fields: bare };
  // "the app that redirects to foo.com": an app described by its redirect host is an OAuth application.
  const described =
    id || !/\b(?:apps?|applications?|clients?|integrations?)\b/i.test(c) ? undefined : redirectRef(c, s);
  // Scopes, PKCE and the consent screen are fields only OAuth applications have: a clause about them is about one.
  const oauthField =
    (/\bscopes?\b/i.test(c) && scopeNames(c).length > 0) ||
    deniedScopes(c) !== undefined ||
    /\bpkce\b|\bconsent\s+screen\b/i.test(c);
  if (!OAUTH.test(c) && !id && !callbackApp && !scopesOf && !described && !oauthField) return undefined;
  const verb = verbKind(c);
  const fields: Fields = {};
  // (A URL that only says which app is meant is no new redirect URI.)
  const urls = s.ents.urls.filter((_, i) => described?.token !== `⟦u${i}⟧`);
  if (urls.length > 0 && /\bredirect|\bcallback/i.test(c)) fields.redirect_uris = [...urls];
  // The list after "scopes" is the scope names said there (scope-names.ts): "the scope too" gives none.
  const scopesSaid = c.match(/\bscopes?\b(?:\s+(?:to|of|=|:))?(?:\s+(?:exactly|only|just))?\s*:?\s+(.+)$/i);
  const scopes = scopesSaid ? scopeListAfter(scopesSaid[1]!, s) : undefined;
  if (scopesOf)
    fields.scopes = unmask(scopesOf[1]!, s.ents)
      .replace(/\s*,\s*|\s+and\s+/g, ' ')
      .trim();
  else if (scopes) fields.scopes = scopes.replace(/\s*,\s*|\s+and\s+/g, ' ').trim();
  if (
    /\b(?:make (?:it )?public|as (?:a )?public|public client|set public|to public)\b|\bpublic\s*(?:=|:)\s*true|^make\b.*\bpublic$/i.test(
      c,
    )
  )
    fields.public = true;
  if (/\b(?:confidential|private client|not public|non-public)\b|^make\b.*\bprivate$/i.test(c)) fields.public = false;
  // ("it needs PKCE turned on, please", "PKCE must be mandatory": the state a few words after the name.)
  if (
    /\b(?:require|enable|turn\s+on|switch\s+on|activate)\s+(?:the\s+)?pkce\b|\bpkce\s+(?:[\w-]+\s+){0,2}?(?:required|on|enabled|mandatory|activated)\b|\bwith pkce\b/i.test(
      c,
    ) &&
    !/\bpkce\s+(?:[\w-]+\s+){0,2}?(?:not\s+required|off|disabled|optional)\b/i.test(c)
  )
    fields.pkce_required = true;
  if (
    /\b(?:don'?t require|disable|turn off|switch off|no)\s+(?:the\s+)?pkce\b|\bpkce\s+(?:[\w-]+\s+){0,2}?(?:not\s+required|off|disabled|optional)\b/i.test(
      c,
    )
  )
    fields.pkce_required = false;
  if (
    /\b(?:enable|show|turn on|switch on)\s+(?:the\s+)?consent|\bconsent(?:\s+screen)?\s+(?:on|enabled|shown|=\s*true)\b/i.test(
      c,
    ) ||
    // ("… skips the consent screen. Please switch it on.": the setting the message speaks of, pointed at.)
    (/\b(?:switch|turn)\s+(?:it|that|this)\s+(?:back\s+)?on\b/i.test(c) && /\bconsent\b/i.test(s.masked))
  )
    fields.consent_screen_enabled = true;
  if (
    /\b(?:disable|skip|hide|turn off|switch off|no|without)\s+(?:the\s+)?consent|\bconsent(?:\s+screen)?\s+(?:off|disabled|hidden|skipped|=\s*false)\b/i.test(
      c,
    )
  )
    fields.consent_screen_enabled = false;
  // "add a redirect URI to X", "X needs a second callback: URL": Clerk replaces the list, so the planner sends
  // the existing URIs plus these (never a create, never a replace).
  const addsRedirect =
    s.ents.urls.length > 0 &&
    /\b(?:callback|redirect)/i.test(c) &&
    !/\b(?:called|named|new (?:o-?auth )?app)\b/i.test(c) &&
    // ("switch it to X, so the old URI goes, not kept alongside": a replacement said outright is never an add.)
    !/\b(?:replac\w*|swap\w*|instead\s+of|not\s+(?:in\s+addition|as\s+well|alongside))\b/i.test(c) &&
    (/^(?:add|append|include|register|allow)\b/i.test(c) ||
      // ("needs https://… added as a redirect": the participle says add, as the verb does.)
      /\b(?:second|another|additional|extra|more|also|keep(?:s|ing)? working|as well|added|adding|in addition|alongside)\b/i.test(
        c,
      ));
  // "remove the public_metadata scope from X", "add the openid scope to X": Clerk replaces the scope string, so the
  // planner reads the app and sends its scopes minus (or plus) these; the rest are kept.
  const scopeEdit = c.match(
    /^(remove|drop|revoke|take away|strip|delete|add|grant|include)\s+(?:the\s+)?([\w:.]+(?:\s*(?:,|and)\s*[\w:.]+)*)\s+scopes?\s+(?:from|of|on|to|for)\s+(.+)$/i,
  );
  if (scopeEdit) {
    const named = scopeEdit[2]!.split(/\s*(?:,|and)\s*/).filter(Boolean);
    const target = id
      ? { kind: 'id' as const, value: id.value }
      : (described?.ref ?? nameRef(oauthName(`for ${scopeEdit[3]!}`, s)));
    const key = /^(?:add|grant|include)$/i.test(scopeEdit[1]!) ? 'add_scopes' : 'remove_scopes';
    return { kind: 'named_update', resource: 'oauth', ...(target ? { ref: target } : {}), fields: { [key]: named } };
  }
  // "add openid to the foo app's scopes": the app's list is edited, never a new app made.
  const listEdit = scopeEdit ? undefined : scopeListEdit(c);
  if (listEdit) {
    const target = id
      ? { kind: 'id' as const, value: id.value }
      : (described?.ref ?? nameRef(oauthName(`for ${listEdit.owner} app`, s)));
    return { kind: 'named_update', resource: 'oauth', ...(target ? { ref: target } : {}), fields: listEdit.fields };
  }
  // "… and grant the app openid as well": scopes added anywhere in the clause (the rest are kept).
  const added = scopeEdit ? undefined : addedScopes(c);
  if (added) {
    fields.add_scopes = added;
    delete fields.scopes;
  }
  // "the foo integration no longer needs the email scope": removed, the rest kept.
  const denied = scopeEdit || added ? undefined : deniedScopes(c);
  if (denied) {
    // ("…, just A + B": the list said outright wins over what must go.)
    const kept = keptScopes(c);
    if (kept) fields.scopes = kept.join(' ');
    else {
      fields.remove_scopes = denied;
      delete fields.scopes;
    }
  }
  if (addsRedirect) {
    const target = id
      ? { kind: 'id' as const, value: id.value }
      : nameRef(
          oauthName(
            c.replace(
              /^(?:add|append|include|register|allow)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:redirect(?:\s+uri|\s+url)?|callback(?:\s+url)?)s?\s+⟦u\d+⟧(?:\s*(?:,|and)\s*⟦u\d+⟧)*\s+(?:to|for|on)\s+/i,
              'for ',
            ),
            s,
          ),
        );
    delete fields.redirect_uris;
    return {
      kind: 'named_update',
      resource: 'oauth',
      ...(target ? { ref: target } : {}),
      fields: { ...fields, add_redirect_uris: [...s.ents.urls] },
    };
  }
  // "drop the email scope from the Portal app": one field edited, never the app deleted. Clerk replaces
  // the scope list, so the planner reads the app and sends the scopes it has minus these.
  const dropScopes = c.match(
    /^(?:remove|drop|revoke|strip|delete|take\s+away|take\s+out|get rid of)\s+(?:the\s+)?(.+?)\s+scopes?\s+(?:from|on|of|in)\s+(.+)$/i,
  );
  if (dropScopes) {
    const names = unmask(dropScopes[1]!, s.ents)
      .split(/\s*,\s*|\s+and\s+|\s+/)
      .map((w) => w.replace(/^["'`]|["'`]$/g, ''))
      .filter((w) => w !== '' && !/^(?:the|a|an|only|just)$/i.test(w));
    const target = id
      ? { kind: 'id' as const, value: id.value }
      : (described?.ref ?? nameRef(oauthName(`for ${dropScopes[2]!}`, s)));
    if (names.length > 0)
      return {
        kind: 'named_update',
        resource: 'oauth',
        ...(target ? { ref: target } : {}),
        fields: { remove_scopes: names },
      };
  }
  if (verb === 'create') {
    const name = oauthName(c, s);
    if (name) fields.name = name;
    return { kind: 'named_create', resource: 'oauth', fields };
  }
  const ref: Ref | undefined = id
    ? { kind: 'id', value: id.value }
    : (described?.ref ??
      nameRef(
        oauthName(
          c.replace(/\s+to\s+(?:⟦q\d+⟧|[^⟦]+)$/i, (m) => (/^rename/i.test(c) ? '' : m)),
          s,
        ),
      ));
  // A clause about a field of the app ("drop its email scope", "remove the callback") never deletes the app: what
  // the readers above did not understand changes nothing.
  if (verb === 'delete' && !described && /\b(?:scopes?|redirects?|callbacks?|pkce|consent)\b/i.test(c))
    return { kind: 'unknown', topic: 'oauth' };
  if (verb === 'delete')
    return ref
      ? { kind: 'named_delete', resource: 'oauth', refs: [ref] }
      : /\b(?:apps|applications|clients)\b/i.test(c)
        ? undefined
        : { kind: 'named_delete', resource: 'oauth', refs: [] };
  // "On the X app, set the scopes to …": a clause that gives a field's new value changes it, whatever comes first.
  // ("the app that redirects to foo.com - require PKCE on it": a flag said with its own verb is a change too.)
  const setsField =
    /\b(?:set|change|update|make|replace|require|enable|disable|turn\s+(?:on|off))\b/i.test(c) &&
    Object.keys(fields).length > 0;
  // "rename X to V", "X should now be called V": the new name ends where the sentence goes on (new-name.ts).
  const renamed = readNewName(c, s);
  // "consent screen off", "pkce required": a flag's new state said after it is a change too.
  const flagStated =
    Object.keys(fields).length > 0 &&
    /\b(?:consent(?:\s+screen)?|pkce)\s+(?:[\w-]+\s+){0,2}?(?:on|off|enabled|disabled|required|optional|shown|hidden|skipped|mandatory|activated)\b|\bpublic\s*[:=]\s*(?:true|false)\b/i.test(
      c,
    );
  if (verb === 'update' || setsField || flagStated || renamed || fields.add_scopes || denied) {
    if (renamed) fields.name = renamed.name;
    const renamedRef = described
      ? described.ref
      : renamed
        ? (nameRef(oauthName(renamed.head, s)) ?? (/^rename\b/i.test(c) ? undefined : ref))
        : ref;
    const target = id ? ref : renamedRef;
    return { kind: 'named_update', resource: 'oauth', ...(target ? { ref: target } : {}), fields };
  }
  const plural = /\b(?:apps|applications|clients)\b/i.test(c);
  if (ref && !plural) return { kind: 'named_get', resource: 'oauth', ref };
  if (verb === 'read' || plural) {
    const details = [
      /\bredirect|\bcallback/i.test(c) ? 'redirect_uris' : '',
      /\bscopes?\b/i.test(c) ? 'scopes' : '',
    ].filter(Boolean);
    return { kind: 'named_list', resource: 'oauth', ...(details.length > 0 ? { details } : {}) };
  }
  return undefined;
}
