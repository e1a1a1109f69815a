/**
 * The action lexicon: one table of the verbs and resource words every intent parser understands, one table of the
 * casual phrasings people use for them ("undo the block on", "give her access back", "nuke"), and a typo
 * corrector that maps a misspelt verb or resource word ("bann", "unlcok", "revkoe", "invitaton") to the word it is
 * closest to by edit distance. The parsers keep their patterns on canonical words; this file is the only place
 * that knows the variants, so a new synonym is one row here rather than one more regex in each parser.
 */
import { NUMBER_WORDS } from './number-words.js';
import { CREATOR_PASSIVE, creatorActive } from './creator.js';

/** Verbs the parsers act on. Short ones (≤ 4 letters) are only corrected for a swapped or doubled letter. */
export const VERBS = [
  'ban',
  'unban',
  'block',
  'unblock',
  'lock',
  'unlock',
  'delete',
  'remove',
  'revoke',
  'invite',
  'rename',
  'update',
  'change',
  'create',
  'cancel',
  'promote',
  'demote',
  'restore',
  'suspend',
  'reinstate',
  'disable',
  'enable',
  'transfer',
  'terminate',
  'list',
  'show',
  'make',
  'sign',
  'kick',
  'allow',
  // (The list words people use as verbs: "whitelst her" is "whitelist her".)
  'whitelist',
  'blacklist',
];

/** Resource words, corrected anywhere in a message (they are long enough not to collide with names). */
export const NOUNS = [
  'invitation',
  'invitations',
  'address',
  // (the noun: "the pending invtie", "the globex invte")
  'invite',
  'invites',
  'organization',
  'organizations',
  'organisation',
  'organisations',
  'membership',
  'memberships',
  'session',
  'sessions',
  'template',
  'templates',
  'allowlist',
  'blocklist',
  // (the list said as "the blocked list")
  'blocked',
  'metadata',
  'application',
  'applications',
  'members',
  'member',
  'account',
  'accounts',
  'integration',
  'integrations',
  'satellite',
  'domain',
  'domains',
  'pending',
  'banned',
  'locked',
  'access',
  // (the role said in full: "make her administator of Foo")
  'administrator',
  'administrators',
];

/**
 * Clipped resource words people type in a hurry ("revoke all pending invs", "kill his sess"): read as the full
 * word wherever they stand. Only clippings that are not English words themselves.
 */
export const CLIPPED: Record<string, string> = {
  inv: 'invitation',
  invs: 'invitations',
  invitn: 'invitation',
  sess: 'sessions',
  sesh: 'session',
  seshs: 'sessions',
  sessh: 'session',
  orgz: 'orgs',
  orgg: 'org',
  // ("group" is too short for edit distance to find among real words; its usual slips and clipping.)
  grup: 'group',
  plese: 'please',
  pleese: 'please',
  plase: 'please',
  pleaes: 'please',
  gruop: 'group',
  goup: 'group',
  grp: 'group',
  memb: 'member',
  membs: 'members',
  perms: 'permissions',
  usr: 'user',
  shld: 'should',
  shd: 'should',
  blok: 'block',
  usrs: 'users',
  frm: 'from',
  thnks: 'thanks',
  acct: 'account',
  accts: 'accounts',
  acc: 'account',
  accs: 'accounts',
};

/**
 * Verbs typed without their vowels or last letter ("mak her admin", "rmv him"): read as the verb only where a verb
 * stands. (Slips one edit away — "chnge", "revok" — the spelling corrector below already finds.)
 */
const CLIPPED_VERBS: Record<string, string> = {
  mak: 'make',
  chng: 'change',
  rmv: 'remove',
  rmve: 'remove',
  updt: 'update',
  dlt: 'delete',
};

/** English words one edit away from a lexicon word: never "corrected". */
const REAL_WORDS = new Set([
  'sing',
  'sigh',
  'look',
  'luck',
  'lick',
  'lack',
  'lost',
  'last',
  'lest',
  'mist',
  'shop',
  'snow',
  'slow',
  'shot',
  'shoe',
  'band',
  'bank',
  'barn',
  'bean',
  'black',
  'remote',
  'devote',
  'unable',
  'chance',
  'crate',
  'evoke',
  'cancer',
  'male',
  'mike',
  'make',
  'fake',
  'take',
  'sick',
  'pick',
  'kink',
  'trending',
  'sending',
  'spending',
  'passion',
  'locker',
  'blocked',
  'bloke',
  'ending',
  'ended',
  // English words one edit from a verb or resource word ("clock skew 10s" is not "block skew 10s"; "I looked at
  // her account" is not "locked"): a slip that lands on a real word is that word.
  'clock',
  'clocks',
  'flock',
  'bloc',
  'urban',
  'alloy',
  'allot',
  'fallow',
  'hallow',
  'sallow',
  'charge',
  'crease',
  'invitee',
  'invitees',
  'tenable',
  'banner',
  'looked',
  'lacked',
  'licked',
  'locket',
  'rocked',
  'docked',
  'penning',
  'bending',
  'lending',
  'mending',
  'tending',
  'vending',
  'ember',
  'temple',
  'templar',
  // Three-letter words: never a verb with an inner letter missing ("how" is not "show", "bot" not "boot").
  ...'how who why the and for are not but all any can had her was one our out day get has him his new now old see two way did its let put say she too use set end add ask try run top yes ago via per off own low few lot log box fix job key bot bit pot dot hot got lit kit pin bin tin sin win pen ten den men hen'.split(
    ' ',
  ),
]);

/** One holder of a role in an organization, in the form the role readers take ("… the admin role in Foo"). */
export const oneHolder = (role: string, org: string): string => `the person with the ${role} role in ${org}`;

// Where a verb stands (start of a clause, after punctuation or "please" / "and" / "to"): lexicon rows anchored
// here match a phrase wherever the request puts it, not only at the start of the message.
const SLOT = '(?<=^|[,.;:!?()-]\\s*|\\b(?:please|pls|plz|and|then|also|just|kindly|to|you|u|now)\\s+)';
const POSSESSIVE: Record<string, string> = { he: 'his', she: 'her', they: 'their' };
// "make sure X …", "ensure that she …": the state asked for, and whom it is about (an address, a pronoun, a name).
// (Case-blind, so "the backup job" matches too: ARTICLE tells a thing from a person where it is used.)
const ENSURE_WHO =
  "\\b(?:make\\s+sure|ensure|see\\s+to\\s+it)\\s+(?:that\\s+)?(⟦[ei]\\d+⟧|she|he|they|[A-Z][\\w'’.-]*(?:\\s+[A-Z][\\w'’.-]*){0,2}|[a-z]+\\s+[a-z]+)";
// ("make sure the backup job is in place": a thing, not a person.)
const ARTICLE = /^(?:the|a|an|this|that|these|those|our|my|your|its|their)\b/i;
// (The same person as an object: "invite her", "remove him" — from the subject or from the possessive.)
export const OBJECT: Readonly<Record<string, string>> = {
  he: 'him',
  she: 'her',
  they: 'them',
  it: 'it',
  his: 'him',
  her: 'her',
  their: 'them',
};
/** "his"/"her"/"their" for a pronoun subject, "X's" for anything else ("⟦e0⟧'s"). */
const possessiveOf = (who: string): string => POSSESSIVE[who.toLowerCase()] ?? `${who}'s`;
// "out of all his sessions", "off every device": signing out, not leaving an organization.
const NOT_ORG =
  '(?:(?:all|every|each|any)\\s+(?:of\\s+)?(?:(?:his|her|their|the)\\s+)?)?(?:(?:his|her|their)\\s+)?(?:sessions?|devices?|logins?)\\b';

// Acts said as nouns ("kindly effect the deletion of Foo", "carry out a lock on X", "effect her promotion to admin"):
// formal writing names the act and asks for it to be done; the noun stands for its verb.
const NOMINAL: Record<string, string> = {
  deletion: 'delete',
  removal: 'remove',
  revocation: 'revoke',
  cancellation: 'cancel',
  cancelation: 'cancel',
  termination: 'terminate',
  unlocking: 'unlock',
  locking: 'lock',
  lock: 'lock',
  lockout: 'lock',
  ban: 'ban',
  banning: 'ban',
  unbanning: 'unban',
  suspension: 'suspend',
  reinstatement: 'reinstate',
  promotion: 'promote',
  demotion: 'demote',
  creation: 'create',
  renaming: 'rename',
  blocking: 'block',
  unblocking: 'unblock',
  blocklisting: 'blocklist',
  allowlisting: 'allowlist',
};
const DO_ACT =
  '(?:effect|effectuate|carry\\s+out|perform|process|action|execute|implement|proceed\\s+with|arrange(?:\\s+for)?|put\\s+through|do)';
const NOMINAL_ACT = new RegExp(
  `\\b${DO_ACT}\\s+(?:the|a|an|(his|her|their))\\s+(?:immediate\\s+|necessary\\s+|requested\\s+)?(${Object.keys(NOMINAL).join('|')})\\b(?:\\s+(?:of|on|for|against)\\b)?`,
  'gi',
);

/**
 * Casual phrasings → the canonical words (applied to the masked message; `$1` keeps a captured reference).
 * Order matters only where one phrase contains another.
 */
const SYNONYMS: Array<[RegExp, string | ((...m: string[]) => string)]> = [
  // "delete the Foo Readers group", "close the Bar club": a name said with a group word is an organization's, never a
  // person's (a user delete of "Foo Readers" would look up a person).
  [
    /\b(delete|remove|close(?:\s+down)?|disband|dissolve|shut\s+down|wind\s+(?:up|down)|archive|do\s+away\s+with|get\s+rid\s+of|scrap|axe|nuke|retire|decommission|sunset)\s+(?:the\s+)?((?:[A-Z][\w&'’-]*\s+){1,4})(group|club|circle|society|team|workspace)\b/g,
    (_m: string, verb: string, name: string) =>
      `${/^(?:delete|remove)$/i.test(verb) ? verb : 'delete'} the ${name.trim()} organization`,
  ],
  // "lock Chris's portal account": the product's name before "account" says nothing of whose it is.
  [/(?<=['’]s)\s+(?:portal|website|site|club|app|platform)\s+(?=(?:account|login|profile|access)\b)/g, ' '],
  // (See NOMINAL: "effect the revocation of X" is "revoke X"; "effect her promotion" is "promote her".)
  [
    NOMINAL_ACT,
    (_m: string, owner: string | undefined, act: string) =>
      `${NOMINAL[act.toLowerCase()]}${owner ? ` ${OBJECT[owner.toLowerCase()]}` : ''}`,
  ],
  // British spelling: the parsers read one spelling.
  [/\borganis(ations?|ed?)\b/gi, 'organiz$1'],
  // "ban and block x@y": both said, so both are wanted — the user banned, and the address kept from signing up again.
  [
    /\bban\s+(?:and|\+|&)\s+(?:also\s+)?(?:block|blocklist|blacklist)\s+(⟦e\d+⟧)/gi,
    'ban $1 and add $1 to the blocklist',
  ],
  // "the Initech group", "which groups is she in": people who do not know the word call an organization a group
  // ("a group of users" and "the same group" are not one).
  // ("the Initech group" is Initech itself.)
  [/\bthe\s+([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s+group\b/g, '$1'],
  // (Lower case only, and never inside a slug or a name: "Foo Group", "foo-group" stay as typed.)
  [/(?<!\bsame\s|[\w-])group(s?)(?![\w-]|\s+(?:of|chat|call|email|message)\b)/g, 'org$1'],
  // "the Internal Dashboard app": a capitalized name before "app"/"application" is an OAuth application (an
  // "app invitation" is not).
  // ("the Zapier connection (thing)": what connects another service to sign-in is an OAuth application too.)
  [
    /(?<![\w-])(?!OAuth\b)([A-Z][\w-]*|⟦q\d+⟧)\s+(?:app|application|integration|connector|connection)(?:\s+thing)?\b(?!\s+invit)/g,
    '$1 oauth app',
  ],
  // "undo all the bans", "clear all bans": every banned user (bulk.ts lists them first). "undo the bans" on
  // people named in the message is "unban them" (never everyone).
  [
    /\b(?:undo|lift|remove|reverse|drop|clear|take\s+back|revoke|cancel)\s+all\s+(?:of\s+)?(?:the\s+|those\s+)?(?:current\s+|active\s+|existing\s+)?bans\b(?!\s+(?:on|for|of|against)\b)/gi,
    'unban all banned users',
  ],
  [
    /\b(?:undo|lift|remove|reverse|drop|clear|take\s+back|revoke|cancel)\s+(?:the|their|those|these)\s+bans\b(?!\s+(?:on|for|of|against)\b)/gi,
    'unban them',
  ],
  [
    /\b(?:undo|lift|remove|reverse|drop|clear|take\s+back|take\s+away|take\s+off|revoke|cancel)\s+(?:the\s+|their\s+|his\s+|her\s+)?bans?\s+(?:on|for|of|against)\b/gi,
    'unban',
  ],
  [/\btake\s+(?:the\s+)?ban\s+off(?:\s+of)?\b/gi, 'unban'],
  [/\b(?:undo|lift|remove|reverse|clear)\s+(?:the\s+|their\s+|his\s+|her\s+)?block\s+(?:on|for|of)\b/gi, 'unblock'],
  [
    /\b(?:undo|lift|remove|reverse|clear)\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:lock|lockout)\s+(?:on|for|of)\b/gi,
    'unlock',
  ],
  [/\bunfreeze\b/gi, 'unlock'],
  [/\bfreeze\b/gi, 'lock'],
  // "give them their access back", "give jane@x.test her access back": restore sign-in (ban or lock, whichever).
  [
    /\bgive\s+(⟦[ei]\d+⟧|[\w.'’-]+?)\s+(?:back\s+)?(?:their|his|her)\s+(?:access|account|login)(?:\s+back)?\b/gi,
    'let $1 sign in again',
  ],
  [/\b(?:rescind|withdraw)\b/gi, 'revoke'],
  // "let X back in", "allow her back in", "let them in again": restore sign-in (the ban or the lock, whichever).
  [
    /\b(?:[Ll]et|[Aa]llow)\s+(⟦[ei]\d+⟧|[\w.'’-]+?(?:\s+(?!(?:back|in|on|sign|log)\b)[\w'’-]+)?)\s+(?:back\s+in(?:to\s+(?:the\s+)?(?:app|account|product|platform))?|in\s+again|back\s+on)\b/g,
    'let $1 sign in again',
  ],
  // "rm the foo app", "del x@y.test": shell-style verbs for deleting, where a verb stands.
  [new RegExp(`${SLOT}(?:rm|del|nix|axe|trash|bin)\\s+(?=\\S)`, 'gi'), 'delete '],
  // "the pending inv to acme", "all invs": an invitation, abbreviated (after a determiner or status word only).
  [
    /(?<=\b(?:the|an?|that|this|pending|open|org|app|all|any|every|each|recent|latest|newest|oldest|last)\s+)inv(s?)\b/gi,
    'invite$1',
  ],
  // "drop X from its scopes", "remove X from the scopes of Y": the scope edit said with the list as the place.
  [
    /\b(remove|drop|revoke|strip|take\s+away)\s+(?:the\s+)?([\w:.]+(?:\s*(?:,|and)\s*[\w:.]+)*)\s+from\s+(?:the\s+scopes?\s+of\s+(.+?)|(.+?)(?:'s|’s)\s+scopes?)(?=\s*[,;.]|$)/gi,
    '$1 the $2 scope from $3$4',
  ],
  // "drop his org membership", "end Ann Lee's membership in Foo", "end her Foo membership", "revoke all her
  // memberships": leaving an organization (never deleting one). With no organization said, the one the message
  // names (plan-orgs.ts); "all … memberships" is every organization the person is in.
  [
    /\b(?:[Rr]emove|[Dd]rop|[Dd]elete|[Ee]nd|[Rr]evoke|[Cc]ancel|[Tt]erminate|[Kk]ill|[Cc]lose)\s+(all\s+(?:of\s+)?)?(his|her|their|⟦[ei]\d+⟧(?:'s|’s)|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:'s|’s))\s+(?:(?!(?:[Oo]rg|[Oo]rgani[sz]ation|[Tt]eam|[Cc]ompany|[Ww]orkspace)\b)([A-Z][\w&-]*)\s+)?(?:(?:[Oo]rg(?:ani[sz]ation)?|[Tt]eam|[Cc]ompany|[Ww]orkspace)\s+)?([Mm]emberships?)\b(?:\s+(?:in|of|at|with|from)\s+)?/g,
    (m: string, all: string | undefined, who: string, org: string | undefined, noun: string) => {
      const person = { his: 'him', her: 'her', their: 'them' }[who.toLowerCase()] ?? who.replace(/(?:'s|’s)$/, '');
      if (/\s(?:in|of|at|with|from)\s+$/.test(m)) return `remove ${person} from `;
      if (all || noun.endsWith('s')) return `remove ${person} from every organization`;
      return `remove ${person} from ${org ?? 'their org'}`;
    },
  ],
  // "send them both invites to Foo", "send x@y.test an invitation to Foo": inviting them there.
  [
    /\bsend\s+((?:(?!\b(?:an?|the|an?other|new)\b)[^,.;!?])+?)\s+(?:an?\s+|both\s+|the\s+|new\s+)?(?:org(?:anization)?\s+)?invit(?:e|ation)s?\s+(to|for|into)\b/gi,
    (_m: string, who: string) => `invite ${who.replace(/\s+both$/i, '')} to`,
  ],
  // "the person Bob Stone invited (to Foo)", "the contractor she invited": described by the invitation, which is
  // what a revocation acts on ("… - cancel that invite").
  [
    /\b(?:the\s+)?(?:person|one|guy|user|address|contractor|candidate)\s+(?:that\s+|whom\s+|who\s+)?(⟦[ei]\d+⟧|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|he|she|they|we)\s+invited\b/g,
    'the invite $1 sent',
  ],
  // "the guy from Initech who is a viewer", "the user at Foo that has admin": the holder of that role there
  // (refs.ts reads "the viewer person at Initech"; said before "from X" it is no longer read as the place).
  [
    /\b(?:the|our)\s+(?:person|guy|gal|user|one|member|contact|account|employee)\s+(?:from|at|in|over\s+at)\s+([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)\s+(?:who|that)\s+(?:is|has|holds)\s+(?:the\s+|an?\s+)?(admin|billing|viewer|guest|owner)(?:\s+(?:role|access|rights))?\b/gi,
    (_m: string, org: string, role: string) => `the ${role.toLowerCase()} person at ${org}`,
  ],
  // "ban x@y.test, confirmed bot", "lock ⟦e0⟧, compromised per SOC": a reason after the address is an aside (its own
  // sentence, with no verb), not one more target. (Only a participle or a reason noun after an address or id.)
  [
    /(⟦[ei]\d+⟧),\s+(?![^.;!?,⟦]*\b(?:to|from|into|onto|off|out\s+of)\b)((?:(?:likely|probably|possibly|definitely|a|an|the|known|obvious|obviously)\s+)?(?:(?!(?:need|feed|seed|speed|proceed|exceed)\b)[a-z]+ed|bots?|spam(?:mer)?s?|fraud(?:ster)?s?|scam(?:mer)?s?|abuse|abusive|fake|dupe|duplicate|sockpuppet|throwaway|burner)\b[^.;!?,⟦]*?)(?=\s*(?:[.;!?]|$))/g,
    '$1. $2',
  ],
  // "ban jo kim (the gmail one)", "Chris (the one at Globex)": which one, said as where they are.
  [/\s*\((?:the\s+)?(?:one\s+(?:at|from|in|with|on)\s+([\w.&-]+)|([\w.&-]+)\s+one)\)/gi, ' at $1$2'],
  // "lock chris for now", "ban him for the time being": how long is not part of the name.
  [/\s+for\s+(?:now|the\s+time\s+being|a\s+while|the\s+moment)\b/gi, ''],
  // "(they have an open dispute)", "(she's on leave)": an aside in brackets that is a clause says why, not who.
  [/\s*\((?:they|he|she|it|we|i|this|that|there)(?:'s|’s|'re|’re)?\s[^()]*\)/gi, ''],
  // "put her in it as the admin": the role, not a person.
  [/\bas\s+the\s+(admin|member|viewer|billing|guest|owner)\b(?!\s+(?:of|for|in|at)\b)/gi, 'as $1'],
  // "who is having the admin role", "we are needing …": the progressive of a state verb is the plain verb.
  [/\b(?:is|am)\s+having\b/gi, 'has'],
  [/\bare\s+having\b/gi, 'have'],
  [
    /\b(?:is|am|are)\s+(need|want|requir|know|own|hold)ing\b/gi,
    (_m: string, v: string) => `${v === 'requir' ? 'require' : v}s`,
  ],
  // "Kindly do the same and revert (back)", "revert back with the list": reply to the ticket, not an action.
  [
    /,?\s*(?:and\s+)?(?:kindly\s+|please\s+|pls\s+)?(?:do\s+the\s+(?:same|needful)\s+and\s+)?revert(?:\s+back)?\b(?=\s*(?:[.,!?]|$|to\s+us|with\b|once\b|after\b|at\s+the\b|soon\b))[^.!?\n]*/gi,
    '',
  ],
  // "(read only)", "(view-only)": what the role means, said beside it.
  [/\s*\((?:read|view)[\s-]?only(?:\s+access)?\)/gi, ''],
  // "revoke only the one sent by Priya": what is sent by someone is an invitation.
  [
    /\bthe\s+(one|ones)\s+(?=(?:that\s+|which\s+)?(?:was\s+|were\s+)?(?:sent|issued)\s+(?:out\s+)?by\b)/gi,
    (_m: string, one: string) => (one.toLowerCase() === 'ones' ? 'the invitations ' : 'the invitation '),
  ],
  // "the old extra domain", "the other domain": every domain but the primary one is a satellite.
  [
    /\b(?:the\s+)?(?:old\s+)?(?:extra|other|additional|second|secondary|non-?main)\s+domain\b/gi,
    'the satellite domain',
  ],
  // "the extra domain we set up for it can go": a record that can go is to be deleted.
  [
    /\b((?:the|that|this|our)\s+(?:(?!\b(?:the|so|and|but|then|because)\b)[^.,;!?]){0,60}?\b(?:domain|template|app|application|integration|invite|invitation)\b(?:(?!\b(?:the|so|and|but|then|because)\b)[^.,;!?]){0,40}?)\s+can\s+go\b(?!\s+(?:to|back|ahead|through|on)\b)/gi,
    'delete $1',
  ],
  // "make X admin instead of billing in Foo", "viewer rather than member": the role it has now is not the
  // new one (only the role before "instead of / rather than" is kept).
  [
    /\b((?:an?\s+)?(?:plain\s+|regular\s+|normal\s+|full\s+)?(?:admin|administrator|member|viewer|billing|guest|owner)s?)(?:\s+role)?,?\s+(?:instead\s+of|rather\s+than|and\s+not|not)\s+(?:an?\s+|the\s+)?(?:plain\s+|regular\s+|normal\s+)?(?:admin|administrator|member|viewer|billing|guest|owner)s?(?:\s+role)?\b(?:,(?=\s+(?:in|at|of|for)\s))?(?!\s+(?:of|in|at)\s+⟦)/gi,
    '$1',
  ],
  // "a full admin", "proper admin rights": the admin role.
  [/\b(?:an?\s+)?(?:full|proper|complete|real)\s+(admin|administrator)\b/gi, '$1'],
  // "the person with viewer in their organization … from it": "it" is that organization, not named here.
  [
    /(\bin\s+(?:their|its|our|the)\s+(?:org|organi[sz]ation|company|workspace)\b[^.!?;]*?\b(?:out\s+of|from))\s+it\b/gi,
    '$1 their org',
  ],
  // "promote whoever holds billing in Hooli to admin there": "there" is the organization the clause just named.
  [/(\b(?:in|at|of)\s+[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?\b[^.!?;,]*?)\s+(?:over\s+)?there\b/g, '$1'],
  // "until then", "till further notice", "today itself": when, not who or what.
  [/\s+(?:until\s+then|until\s+further\s+notice|till\s+further\s+notice|today\s+itself|from\s+today)\b/gi, ''],
  // ", could you please take care?", "can u handle it": politeness that hands the request over, no request itself.
  [
    /,?\s*(?:could|can|would|will)\s+(?:you|u)\s+(?:please\s+|kindly\s+)?(?:take\s+care(?:\s+of\s+(?:it|this|that))?|handle\s+(?:it|this|that)|do\s+the\s+needful)\s*(?=[?.!]|$)/gi,
    '',
  ],
  // "everybody who is a normal member in Foo": every regular member (refs.ts reads it as the member role).
  [
    /\b(?:everybody|everyone|anyone|all\s+(?:the\s+)?(?:users|people|members))\s+(?:who|that)\s+(?:is|are)\s+(?:an?\s+)?(ordinary|plain|regular|normal|basic)\s+members?\b/gi,
    'every $1 member',
  ],
  // "can u lock chris out for now": locking someone out is locking them.
  [/\block\s+(⟦[ei]\d+⟧|[\w.'’-]+(?:\s+[\w.'’-]+)?)\s+out\b(?!\s+of\b)/gi, 'lock $1'],
  // "make it so sofia is admin there": the role stated as the state wanted.
  [
    /\bmake\s+it\s+so\s+(?:that\s+)?(⟦[ei]\d+⟧|[\w.'’-]+(?:\s+[\w.'’-]+)?)\s+(?:is|becomes|gets\s+to\s+be)\s+(?:an?\s+)?(admin|member|viewer|billing|guest)\b/gi,
    'make $1 $2',
  ],
  // "put pepper in it as the admin", "put her into Foo as a viewer": adding with a role.
  [/\bput\s+(⟦[ei]\d+⟧|[\w.'’-]+(?:\s+[\w.'’-]+)?)\s+(?:in|into|on)\s+(?=\S+(?:\s+\S+){0,3}?\s+as\b)/gi, 'add $1 to '],
  // "add him to hooli but only as a viewer": the role, said with a restriction.
  [/\s+but\s+only\s+as\b|\s+only\s+as\b(?=\s+(?:an?\s+)?(?:admin|member|viewer|billing|guest))/gi, ' as'],
  // "there's an app with foo in the name right?": a question tag is not part of the name.
  [/\s+(?:right|yeah|correct)(?=\s*\?)/gi, ''],
  // "the pending globex invite that bob stone sent", "whatever invite bob sent": which one, not a name.
  [/\b(?:whatever|whichever)\s+(?=(?:pending\s+|open\s+|org\s+)?invit)/gi, 'the '],
  // "pull it back", "pull back the invite": taking back something sent.
  [/\bpull\s+(it|that|this|them)\s+back\b/gi, 'revoke $1'],
  [/\bpull\s+back\b/gi, 'revoke'],
  // "x@y.test needs her access back", "Ann Lee wants his login back": restore sign-in, as above.
  [
    /(?<![\w'’⟧-])(⟦[ei]\d+⟧|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|he|she|they)\s+(?:needs|wants|should\s+get|must\s+get|can\s+have|gets)\s+(?:his|her|their)\s+(?:access|account|login)\s+back\b/g,
    (_m: string, who: string) =>
      `let ${{ he: 'him', she: 'her', they: 'them' }[who.toLowerCase()] ?? who} sign in again`,
  ],
  // "give her access back", "give him back access": restore sign-in for the person the pronoun names.
  [
    /\b[Gg]ive\s+(⟦[ei]\d+⟧|[Hh]im|[Hh]er|[Tt]hem|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:back\s+(?:(?:their|his|her)\s+)?(?:access|login|account)|(?:(?:their|his|her)\s+)?(?:access|login|account)\s+back)\b/g,
    'let $1 sign in again',
  ],
  // "lift the ban", "clear his ban" (no "on X"): the ban of the person the message is about.
  [
    /\b(?:undo|lift|remove|reverse|clear|take\s+back|revoke|cancel)\s+(?:the|his|her|their)\s+ban\b(?!\s+(?:on|for|of|against|from|reason|note|list)\b|_)/gi,
    (m: string) => `unban ${/\bhis\b/i.test(m) ? 'him' : /\bher\b/i.test(m) ? 'her' : 'them'}`,
  ],
  // "give X access to Globex as a member": a membership.
  [/\bgive\s+(⟦[ei]\d+⟧|[\w.'’-]+?)\s+access\s+to\s+/gi, 'add $1 to '],
  // "reinstate access for X", "restore X's access": whatever stops them signing in (ban or lock) is lifted.
  [
    // (The one named is an address, a pronoun or a capitalised name, said plainly or as "the account of …": a
    // lazy word match had taken one letter of a name.)
    /\b(?:reinstate|restore|give back)\s+(?:the\s+)?(?:sign[- ]?in\s+|login\s+)?access\s+(?:for|to|of)\s+(?:(?:the|his|her|their)\s+account\s+of\s+)?(⟦[ei]\d+⟧|him|her|them|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)(?![\p{L}'’-])/giu,
    'let $1 sign in again',
  ],
  [
    /\b(?:reinstate|restore)\s+(⟦[ei]\d+⟧|[\w.'’-]+?)(?:'s|’s)\s+(?:sign[- ]?in\s+|login\s+)?access\b/gi,
    'let $1 sign in again',
  ],
  // "restore her access", "reinstate his login": the person the possessive pronoun names.
  [
    /\b(?:reinstate|restore)\s+(his|her|their)\s+(?:sign[- ]?in\s+|login\s+|portal\s+|account\s+)?(?:access|login)\b/gi,
    (_m: string, pronoun: string) =>
      `let ${{ his: 'him', her: 'her', their: 'them' }[pronoun.toLowerCase() as 'his' | 'her' | 'their']} sign in again`,
  ],
  // Descriptions instead of names: "the app whose name mentions billing" → "the app called billing"
  // (names match by part, so the described word finds the item); "the domain that is not the primary one" →
  // "the satellite domain" (every domain but the primary one is a satellite).
  // "the app that has zapier in its name", "the template with supa in the name".
  [
    /\s+(?:(?:that|which)\s+(?:has|have|contains?|includes?)|with)\s+(?:the\s+word\s+)?([\w.-]+)\s+in\s+(?:its|the|their)\s+name\b/gi,
    ' called $1',
  ],
  [
    /\s+(?:whose|with\s+a|with\s+the)\s+name\s+(?:mentions|contains|includes|has|says|matches|starts\s+with)\s+(?:the\s+(?:word\s+)?)?/gi,
    ' called ',
  ],
  [
    /\b(?:the\s+)?(domain|one)\s+(?:that|which)\s+(?:is\s+not|isn't)\s+(?:the\s+|our\s+)?(?:primary|main)(?:\s+(?:one|domain))?/gi,
    'the satellite $1',
  ],
  [/\b(?:the\s+)?(?:non-?primary|secondary)\s+domain\b/gi, 'the satellite domain'],
  [/\boutta\b/gi, 'out of'],
  // "should drop to viewer": a fall to a lower role is a demotion, never a removal.
  [
    /\bdrop(?:s|ped)?\s+(?:down\s+)?to\s+(?=(?:an?\s+|the\s+)?["“]?(?:viewer|member|basic\s+member)\b)/gi,
    'be demoted to ',
  ],
  [
    new RegExp(
      `\\b(?:boot|chuck|throw|get|kick|yank|yeet|clear|take|pull)\\s+(⟦[ei]\\d+⟧|[\\w.'’-]+?(?:\\s+[\\w.'’-]+?){0,2}?)\\s+(?:out\\s+of|off(?:\\s+of)?)\\s+(?!(?:work|here|there|everywhere|everything|the\\s+app)\\b|${NOT_ORG})`,
      'gi',
    ),
    'remove $1 from ',
  ],
  [/\b(?:boot|chuck|kick|yank|yeet)\s+(⟦[ei]\d+⟧|[\w.'’-]+?(?:\s+[\w.'’-]+?){0,2}?)\s+from\b/gi, 'remove $1 from'],
  // "knock X down to a regular member", "bring X up to admin": a direction before a role is a demotion / promotion.
  [
    /\b(?:knock|bring|take|drop|move|bump|kick|step)\s+(⟦[ei]\d+⟧|[\w.'’-]+?(?:\s+[\w.'’-]+?){0,2}?)\s+(down|up)\s+to\b(?=\s+(?:an?\s+|the\s+)?(?:(?:regular|normal|plain|basic|full|ordinary|[A-Za-z][\w&-]*)\s+)?(?:admin|administrator|member|viewer|billing|guest)s?\b)/gi,
    (_m: string, who: string, way: string) => `${way.toLowerCase() === 'down' ? 'demote' : 'promote'} ${who} to`,
  ],
  // "delete the Foo org completely": how thoroughly is not part of the name.
  [/\s+(?:entirely|completely|altogether|for good|once and for all)\b/gi, ''],
  // "erase X from the system", "remove x@y from our database": the whole account goes (deleting the user), not a
  // membership — also said object first ("the user Ann Lee erase from the system").
  [
    /\b(?:erase|delete|remove|wipe|purge)\s+([^,.;]{1,60}?)\s+from\s+(?:the|our|your|this)\s+(?:whole\s+|entire\s+)?(?:system|database|db|platform|records|instance|app(?:lication)?)\b/gi,
    'delete $1',
  ],
  [
    /\b(?:the\s+(?:user|person|account|customer)\s+)?(⟦e\d+⟧|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:erase|delete|remove|wipe|purge)\s+from\s+(?:the|our|your|this)\s+(?:whole\s+|entire\s+)?(?:system|database|db|platform|records|instance|app(?:lication)?)\b/g,
    'delete $1',
  ],
  // "add her to Foo with the viewer role": the role said as a role ("the member" is not a person here).
  // ("everyone with the viewer role in Foo" names people by role: only after "to/into <org>" is it the new role.)
  [
    /(\b(?:to|into)\s+(?:the\s+)?[^\s,;]+(?:\s+[A-Z][^\s,;]*)*(?:\s+org(?:ani[sz]ation)?)?)\s+(?:with|in|under)\s+(?:the|a|an)\s+((?:normal\s+|regular\s+|plain\s+)?[\w:-]+)\s+role\b/gi,
    '$1 as $2',
  ],
  // "each person that holds the viewer role in Foo": everyone who has that role (refs.ts reads the role).
  [
    /\b(?:every|each|any)\s+(?:user|person|one|account|member)\s+(?:who|that)\s+(?:holds|has|have|hold)\b/gi,
    'everyone who has',
  ],
  // "move her from admin to member": the role it has now is not part of the organization's name.
  [
    /\s+from\s+(?:an?\s+)?(?:plain\s+|regular\s+|normal\s+)?(?:admin|member|viewer|billing|guest|owner|basic[_ ]member)s?\s+(?:role\s+)?to\s+/gi,
    ' to ',
  ],
  // "the foo jwt template lifetime", "the Portal oauth app scopes": a field of the thing named before it.
  [
    /\b(jwt(?:\s+template)?|template|o-?auth\s+app(?:lication)?)\s+(?=(?:allowed\s+)?(?:clock\s+skew|lifetime|scopes?|redirect\s+ur[il]s?|claims)\b)/gi,
    "$1's ",
  ],
  // "change foo slug to foo-hq", "set foo member limit to 20": an organization's field, the name said before it.
  [
    /\b(change|set|update|edit|raise|lower|increase|bump)\s+(?!(?:the|its|their|his|her|my|our|your|this|that)\b)([\w.&-]+(?:\s+[\w.&-]+)?)\s+(slug|(?:member(?:ship)?|seat|user)\s+(?:limit|cap)|max(?:imum)?\s+(?:allowed\s+)?members(?:hips)?)\s+to\b/gi,
    "$1 $2's $3 to",
  ],
  // "set up / spin up / stand up a new organization": creating one.
  [
    /\b(?:set|spin|stand)\s+up\s+(?=(?:a|an)\s+(?:new\s+|separate\s+)?(?:org|organi[sz]ation|workspace|company|team)\b)/gi,
    'create ',
  ],
  // "create an org called Foo, with Ann as its admin": the owner said after a comma still belongs to the creation.
  [/,\s+(with\s+[^,]+?\s+as\s+(?:its|the|their)\s+(?:first\s+)?(?:admin|owner|creator))\b/gi, ' $1'],
  // "for two hours", "thirty seconds": a number in words before a unit of time is that number.
  [
    /\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty-five|sixty|ninety)\s+(?=(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\b)/gi,
    (_m: string, word: string) => `${NUMBER_WORDS[word.toLowerCase()]} `,
  ],
  // "new org: Foo Labs", "New organisation - Foo": a note that names what to create.
  [
    /(?:^|(?<=[.;!?]\s))new\s+(?:org|organi[sz]ation|company|workspace)\s*(?::|\s-|–|—)\s*(?=\S)/gi,
    'create an organization called ',
  ],
  // "put a lock on X", "place a ban on X": the action named as a noun is that action on X.
  [
    /\b(?:put|place|slap|stick)\s+an?\s+(lock|ban|block)\s+on\s+/gi,
    (_m: string, what: string) => `${what.toLowerCase()} `,
  ],
  // "put pepper in it as the admin", "stick X into Foo": adding to an organization; "as the admin" is the role.
  [/\b(?:put|stick|throw|pop)\s+(⟦[ei]\d+⟧|[\w.'’-]+(?:\s+[\w.'’-]+)?)\s+(?:in|into|on)\s+(?=\S)/gi, 'add $1 to '],
  [
    /\b(to\s+(?:it|them|⟦i\d+⟧|[\w&.-]+(?:\s+[\w&.-]+)?)\s+)as\s+(?:the|an?)\s+(admin|administrator|member|viewer)\b/gi,
    '$1as $2',
  ],
  // "make it so sofia is admin there", "make sure X becomes a viewer in Foo": the role said as the state wanted.
  [
    /\bmake\s+(?:it\s+)?(?:so|sure)\s+(?:that\s+)?(⟦[ei]\d+⟧|[\w.'’-]+(?:\s+[\w.'’-]+)?)\s+(?:is|becomes|gets\s+to\s+be|ends\s+up)\s+(?:an?\s+)?(admin|member|viewer|billing)\b/gi,
    'make $1 $2',
  ],
  // "move him out of acme and into globex", "move her, so out of Foo and over to Bar": the same as "move X from Foo to
  // Bar" (leave one organization, join the other; a role said after "from" stays a role change).
  [
    /\bmove\s+(⟦[ei]\d+⟧|him|her|them|[\w.'’-]+(?:\s+[\w.'’-]+)?),?\s+(?:so\s+)?out\s+of\s+(?:the\s+)?([\w&-]+(?:\s+(?:org|organi[sz]ation|team))?)\s+(?:and\s+)?(?:into|over\s+to|to)\s+/gi,
    'move $1 from $2 to ',
  ],
  // "shoot her an invite", "fire off an invitation to X", "drop X an invite": sending one.
  [
    /\b(?:shoot|fire\s+off|drop|ping|throw)\s+(⟦e\d+⟧|him|her|them)\s+(an?\s+(?:new\s+|fresh\s+)?invit\w*)/gi,
    'send $1 $2',
  ],
  [/\b(?:shoot|fire\s+off|fire|throw)\s+(an?\s+(?:new\s+|fresh\s+)?invit\w*\s+(?:to|over\s+to)\b)/gi, 'send $1'],
  // ", after that invite X", "; once that's done, add Y": the next step of a sequence.
  [
    /,?\s+(?:and\s+)?(?:after\s+that|afterwards|once\s+(?:that'?s|that\s+is|it'?s)\s+done|when\s+that'?s\s+done)[,\s]+(?=\S)/gi,
    ', then ',
  ],
  // "first allowlist X, then …", "step one: add Y": an order word before the verb is not part of the request.
  [
    /(?<=^|[.!?;]\s+)(?:first(?:ly)?|first\s+of\s+all|to\s+(?:start|begin)(?:\s+with)?|second(?:ly)?|third(?:ly)?|next|lastly|step\s+(?:one|two|three|[123]))[,:]?\s+(?=(?:(?:please|kindly|pls|plz|just|also|then)\s+)*(?:allowlist|whitelist|blocklist|add|invite|remove|ban|unban|lock|unlock|set|make|send|create|revoke|delete|rename|change|update)\b)/gi,
    '',
  ],
  // "@ops pls change …", "@here: ban …": a chat mention addressing someone is not part of the request.
  [/(?<=^|[.!?;,]\s+)@[\w.-]+[,:]?\s+/g, ''],
  // "ban him + lock her": a plus between requests is "and".
  [/\s+\+\s+/g, ' and '],
  // "anns role", "bobs account": a possessive written without its apostrophe.
  [
    /\b(?!(?:his|its|hers|theirs|this|users|members|admins|owners|others|ours|yours|was|is|has|does)\b)([a-z][a-z'-]*[a-rt-z])s\s+(role|account|sessions?|membership|login|access)\b/g,
    "$1's $2",
  ],
  [
    new RegExp(
      `${SLOT}(?:get rid of|do away with|nuke|scrap|retire|decommission|sunset|trash|axe|nix|yeet|bin)\\b`,
      'gi',
    ),
    'delete',
  ],
  // "send a sign-up invitation to x@y", "issue an app invite for x@y": an invitation to the application itself.
  [
    /\b(?:send|issue|create|raise|generate)\s+(?:an?\s+|the\s+)?(?:app|application|sign[- ]?up|signup|registration|platform)\s+(?:invitation|invite)\s+(?:to|for)\s+(⟦e\d+⟧)/gi,
    'invite $1 to the app',
  ],
  // "PKCE to be made mandatory for Foo", "PKCE must be enforced on Foo": the setting asked for, said of it.
  [
    /\b(?:make\s+)?pkce\s+(?:is\s+|to\s+be\s+|should\s+be\s+|must\s+be\s+|shall\s+be\s+|needs\s+to\s+be\s+)?(?:made\s+)?(?:mandatory|required|compulsory|enforced|obligatory)\b/gi,
    'require PKCE',
  ],
  // "all users who are currently banned may now be allowed back": every banned user unbanned (listed first).
  [
    /\b(?:every(?:one|body)|all\s+(?:users|accounts|people|members))\s+(?:who|that)\s+(?:is|are)\s+(?:at\s+present\s+|currently\s+|now\s+|still\s+)?(?:barred|banned)\b[^.!?;]{0,60}?\s+(?:should|must|can|may|shall)\s+(?:now\s+)?be\s+(?:let\s+back\s+in|unbanned|allowed\s+back(?:\s+in)?|reinstated|welcomed\s+back)/gi,
    'unban everyone who is banned',
  ],
  // (The same, once "send a sign-up invitation" has become "invite app".)
  [/\binvite\s+(?:an?\s+)?app\s+(?:invitation\s+|invite\s+)?(?:to|for)\s+(⟦e\d+⟧)/gi, 'invite $1 to the app'],
  // "cancel the same", "lock the said user": the thing or person just named (office English).
  [
    /\b((?:cancel|revoke|delete|remove|lock|unlock|ban|unban|approve|process|update|withdraw|action)\s+)the\s+same\b/gi,
    '$1it',
  ],
  [/\bthe\s+said\s+(user|account|person|member|employee|invitation|invite|organi[sz]ation|org)\b/gi, 'that $1'],
  // "all accounts that are members of Foo": the members of Foo.
  [
    /\b(every|each|all)\s+(?:users?|accounts?|persons?|people)\s+(?:who|that)\s+(?:is|are)\s+(?:a\s+)?members?\s+of\b/gi,
    '$1 member of',
  ],
  // "loop her into Foo", "loop them in on Foo": adding to an organization.
  [
    /\bloop\s+(⟦[ei]\d+⟧|them|him|her|[\w.'’-]+(?:\s+[\w.'’-]+)?)\s+(?:in\s+on|in\s+to|into|in)\s+(?=\S)/gi,
    'add $1 to ',
  ],
  // "take that one off the blocklist", "please take her out of Acme": removal from a list or an organization.
  [
    new RegExp(
      `${SLOT}(?:take|kick)\\s+(.+?)\\s+(?:off(?:\\s+of)?|out\\s+of|off\\s+from)\\s+(?!everywhere\\b|everything\\b|${NOT_ORG})`,
      'gi',
    ),
    'remove $1 from ',
  ],
  // "lock his login", "ban her user": the person's account is the person.
  [/\b(his|her|their)\s+(?:user\s+)?(?:login|user)\b(?!\s+(?:name|e-?mail|id|metadata|details)\b)/gi, '$1 account'],
  // "end her open sessions": whose sessions, whichever are active (only active ones can be ended).
  [/\b(his|her|their)\s+(?:active|open|current|live|running|logged[- ]in|signed[- ]in)\s+(sessions?)\b/gi, '$1 $2'],
  // "every session belonging to x@y.test": that person's sessions.
  [
    /\b(?:every|each|any|all(?:\s+(?:of\s+)?the)?)\s+(?:active\s+|open\s+|current\s+)?sessions?\s+(?:belonging\s+to|owned\s+by|of|for)\s+(⟦[ei]\d+⟧)/gi,
    "$1's sessions",
  ],
  // "nuke all his sessions", "delete her open sessions", "kill every session of X": sessions are revoked, never
  // deleted (and never read as deleting the user).
  [
    /\b(?:delete|kill|wipe|clear)\s+(?=(?:all\s+(?:of\s+)?|every\s+|each\s+|any\s+)?(?:the\s+|his\s+|her\s+|their\s+|⟦[ei]\d+⟧(?:'s|’s)\s+|[\w.-]+(?:'s|’s)\s+)?(?:(?:active|open|current|live|existing)\s+)*sessions?\b)/gi,
    'revoke ',
  ],
  // "revoke all his sessions", "end her sessions": signing that person out (a pronoun the message fills).
  [
    /\b(?:revoke|end|kill|terminate|invalidate|clear|close|wipe)\s+(?:all\s+(?:of\s+)?|every\s+one\s+of\s+)?(his|her|their)\s+sessions?\b/gi,
    (_m: string, who: string) => `sign ${{ his: 'him', her: 'her', their: 'them' }[who.toLowerCase()]} out`,
  ],
  // "…, and blocklist *@x.test", "pls allowlist a@b.test": the list name used as a verb is adding to that list.
  [
    new RegExp(
      `${SLOT}(block|black|allow|white)-?list\\s+(?:the\\s+(?:domain|address|e-?mail)\\s+)?((?:⟦[wehp]\\d+⟧(?:\\s*,\\s*(?=⟦)|\\s+and\\s+(?=⟦))?)+)`,
      'gi',
    ),
    (_m: string, kind: string, what: string) =>
      `add ${what.trim()} to the ${/^(?:block|black)$/i.test(kind) ? 'blocklist' : 'allowlist'}`,
  ],
  // "clear out all their pending invites", "clear every open invitation": a revocation of each.
  [/\bclear\s+(?:out\s+|away\s+)?(?=(?:all|every|each|the|their|its|any|of)\b[^.;]{0,50}\binvit)/gi, 'revoke '],
  // "yank the invite for x@y.test", "pull that invitation": a revocation.
  [/\b(?:yank|pull|scrap|kill)\s+(?=(?:the|that|this|our|his|her|their|an?)\s+(?:[\w-]+\s+)?invit)/gi, 'revoke '],
  // "end any session he still has": the sessions that person has.
  [
    /\b(?:whatever|any|every|all(?:\s+(?:of\s+)?the)?|the)\s+(?:active\s+|open\s+)?sessions?\s+(?:that\s+)?(he|she|they|⟦[ei]\d+⟧)\s+(?:currently\s+|still\s+|now\s+)?(?:has|have)(?:\s+(?:open|active|running|going))?\b/gi,
    (_m: string, who: string) => `${possessiveOf(who)} sessions`,
  ],
  // "remove each plain member from the Foo org", "every viewer in Foo": the people holding that role there
  // (refs.ts reads "the members of Foo" as a role reference). A bare "every member" is everyone, so "member"
  // needs a word that says the role (ordinary, plain, regular, normal).
  [
    /\b(?:every|each|all(?:\s+of)?(?:\s+the)?)\s+(?:(?:ordinary|plain|regular|normal|basic)\s+(member)|(admin|viewer|billing|guest)(?:\s+(?:member|user|person))?)s?\b(\s+(?:from|out\s+of|of|in|at)\s+(?:the\s+)?([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2}))/g,
    (_m: string, member: string | undefined, other: string | undefined, tail: string, org: string) =>
      `the ${member ?? other}s of ${org}${tail.replace(/^\s+(?:of|in|at)\s+(?:the\s+)?\S.*$/, '')}`,
  ],
  // "Ann should have admin rights in Foo", "X needs member access to Bar": a role stated as what someone should have.
  [
    /^((?:⟦[ei]\d+⟧|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))\s+(?:(?:should|must|needs?\s+to|ought\s+to)\s+(?:get|have|be\s+given|receive)|needs|requires)\s+(admin|administrator|member|billing|viewer|owner)\s+(rights|privileges|permissions|access|powers)\b/,
    'give $1 $2 $3',
  ],
  // "max_allowed_memberships", "allowed_clock_skew", "last_name": an API field name said as the words the parsers
  // read (only these settings: a metadata key such as beta_tester keeps its underscores).
  [
    /\b(max_allowed_memberships|allowed_clock_skew|first_name|last_name)\b/g,
    (field: string) => field.replace(/_/g, ' '),
  ],
  // "clock skew from 5 to 15s", "max allowed memberships 25 -> 40" (arrow read as "to"): the old value is
  // context, the new one is what to set.
  [/\bfrom\s+\d+(?:\.\d+)?\s*[a-z]{0,7}\s+to\s+(?=\d)/gi, 'to '],
  [/(?<=\b(?:members(?:hips)?|skew|lifetime|limit|cap|seats))\s+\d+\s+to\s+(?=\d)/gi, ' to '],
  // "private metadata: set K to V", "public md -> add plan = pro": the metadata named as a topic before the edit is
  // where the edit goes (whose: the person the message is about, filled like any "their"; with several people
  // named, the label is left as said: metadata-anaphora.ts reads it and names no owner, so the planner asks).
  [
    /\b(public|private|unsafe)\s+(?:metadata|md)\s*(?::|->|→|-|–)\s*(set|add|put|change|update|remove|delete|clear|drop|unset)\s+([^.;!?]+?)(?=\s*(?:[.;!?]|$))/gi,
    (...m: string[]) => {
      const [all, where, verb, edit, , whole] = m as [string, string, string, string, unknown, string];
      return new Set(whole.match(/⟦[ei]\d+⟧/g) ?? []).size > 1 ? all : `${verb} ${edit} in their ${where} metadata`;
    },
  ],
  // "Unlock is not needed", "The ban was a mistake": a verb as the subject of "is/was/…" is a noun, not a request.
  [
    new RegExp(
      `(?<=^|[.!?;]\\s+)(${VERBS.join('|')})\\s+(?=(?:is|was|isn't|isn’t|wasn't|wasn’t|are|were|will|won't|would|should|shouldn't|can|can't|cannot|may|might|must|seems?|looks?)\\b)`,
      'gi',
    ),
    'the $1 ',
  ],
  // "update her name on her account", "my surname in my profile": where the field is, not whose or what; an
  // owner said by address stays the owner ("the name on x@y's account" → "the name on x@y").
  [
    /\b((?:(?:first|last|family|full|display|user)\s*)?name|surname|username)\s+(?:on|in)\s+(?:(⟦e\d+⟧)(?:'s|’s)|my|his|her|their|the)\s+(?:account|profile|login)\b/gi,
    (_m: string, field: string, owner?: string) => (owner ? `${field} on ${owner}` : field),
  ],
  // "the administrator role (org:admin)", "as a viewer (org:viewer)": the role's key said again in brackets.
  [
    /\b(admin(?:istrator)?|member|viewer|billing)(s?(?:\s+role)?)\s*\(\s*(?:the\s+)?org:(admin|member|viewer|billing)\s*\)/gi,
    (m: string, word: string, rest: string, key: string) =>
      word.toLowerCase().startsWith(key.toLowerCase()) ? `${word}${rest}` : m,
  ],
  // "with effect from today", "effective immediately": when, and it is now.
  [
    /\s*,?\s*\b(?:with\s+(?:immediate\s+)?effect(?:\s+(?:from|as\s+of)\s+(?:today|now))?|effective\s+(?:immediately|today|now))\b/gi,
    '',
  ],
  // "acme finance guy → promote him": a description said first without its article (texting drops it) is
  // the same description with it.
  [
    /^(\s*)(?!(?:the|a|an|this|that|our|my|their|his|her)\b)([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+(?:person|people|guy|gal|user|account|one|folks?))(?=\s*(?::|->|→|\s[-–—]\s))/i,
    '$1the $2',
  ],
  // "make sure X is in Foo", "ensure that she holds the administrator role in Foo", "make sure he has admin rights at
  // Foo": the state to reach is the change (the planner reports "already" when it holds — nothing then changes).
  [
    new RegExp(
      `${ENSURE_WHO}\\s+(?:holds|has|have|gets|keeps)\\s+(?:the\\s+)?(admin(?:istrator)?|member|viewer|billing)\\s+(?:role|rights|access|permissions|privileges)\\s+(in|at|of|for|within)\\b`,
      'gi',
    ),
    (m: string, who: string, role: string, prep: string) =>
      ARTICLE.test(who)
        ? m
        : `make ${OBJECT[who.toLowerCase()] ?? who} ${role.toLowerCase().startsWith('admin') ? 'admin' : role.toLowerCase()} ${prep}`,
  ],
  [
    new RegExp(
      `${ENSURE_WHO}\\s+(?:is|are)\\s+(?:(?:already|still)\\s+)?(?:in|a\\s+member\\s+of|part\\s+of|added\\s+to)\\s+(?=(?:the\\s+)?(?:⟦|[A-Z]|[a-z][\\w-]*\\s+(?:org|organi[sz]ation|group|team|company|workspace)\\b))`,
      'gi',
    ),
    (m: string, who: string) => (ARTICLE.test(who) ? m : `add ${OBJECT[who.toLowerCase()] ?? who} to `),
  ],
  // "add X to Foo if he's not there already", "…, like add him if she isn't in it": the condition is the adding's own
  // (the planner reads the membership and says "already a member" when it holds), so it is no separate ask.
  [
    /(\b(?:add|put)\b[^.;!?]*?)\s*,?\s*(?:\b(?:like|so|i\s+mean)\s+)?(?:(?:add|put)\s+(?:him|her|them)\s+)?(?:only\s+)?if\s+(?:he|she|they|⟦[ei]\d+⟧)\s*(?:['’]s|['’]re|is|are)?\s*(?:not|n['’]t)\s+(?:already\s+)?(?:there|in\s+(?:it|there)|a\s+member|part\s+of\s+it)(?:\s+(?:already|yet))?\b/gi,
    '$1',
  ],
  // "put Ann in Foo as well? as a billing one pls": a role said after the sentence ended still belongs to it.
  [
    /\s*([?.!])\s+(as\s+(?:an?\s+)?(?:admin(?:istrator)?|member|viewer|billing)(?:\s+role)?)\b(?=\s*(?:[,.;!?]|$|not\b|pls\b|please\b|only\b|lol\b))/gi,
    ' $2$1',
  ],
  // "his advice is to extend the lifetime", "the fix would be to unlock her": the suggestion said is the request.
  [
    /\b(?:(?:the|her|his|their|my|our|its|your)\s+)?(?:suggestion|proposal|recommendation|request|ask|idea|fix|solution|advice)(?:\s*,[^,.;!?]{1,60},)?\s+(?:here\s+)?(?:is|was|would\s+be)\s+to\s+(?=[a-z])/gi,
    '',
  ],
  // "her public md": metadata, abbreviated.
  // ("in public meta", "unsafe meta theme = dark", "private meta data": the same word, shortened or split.)
  [/\b(public|private|unsafe)\s+(?:md|meta(?:\s+data)?)\b(?!-)/gi, '$1 metadata'],
  // "how many members does Foo have rn?", "… right now?": a time adverb at the end of a clause changes nothing.
  [
    /\s+(?:rn|right\s+now|atm|at\s+the\s+moment|currently|today\s+itself|itself|at\s+the\s+earliest|asap|right\s+away)(?=\s*[?!.]*$)/gi,
    '',
  ],
  // "unlock the said account", "terminate the active login of X": support-desk words for the account and its sessions.
  [/\bthe\s+said\s+(?:account|user|customer|person|login)\b/gi, 'the account'],
  [
    /\b(?:terminate|end|kill|revoke|close)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:active\s+|current\s+|open\s+)?(?:logins?|log-?in\s+sessions?)\s+(?:of|for)\s+(⟦[ei]\d+⟧|him|her|them)/gi,
    'sign $1 out',
  ],
  // "… and revert back to us once done", "at the earliest": a support desk asking for a reply, not an action.
  [/\s*,?\s+(?:(?:and\s+)?(?:please\s+|kindly\s+)?revert\s+back|and\s+(?:please\s+|kindly\s+)?revert)\b[^.!?]*/gi, ''],
  [/\s+at\s+the\s+earliest\b/gi, ''],
  // "cancelled from backend", "out of Foo in your system", "on our end": where the admin works, not a place.
  [/\s+(?:from\s+(?:the\s+)?back-?end|(?:in|on)\s+(?:your|our|the)\s+(?:system|end|side))\b/gi, ''],
  // "we want him out of Foo", "they need her off the Foo org": taking that person out of the organization.
  [
    /\b(?:we|i|they)(?:'ll|’ll|\s+will|\s+would)?\s+(?:want|need|like|'d\s+like)\s+(him|her|them|⟦[ei]\d+⟧)\s+(?:out\s+of|off(?:\s+of)?|removed\s+from|taken\s+out\s+of|gone\s+from)\s+/gi,
    'remove $1 from ',
  ],
  // "what we need is a new organization called Foo": creating it.
  [
    /\bwhat\s+(?:we|i|they)\s+(?:need|want|would\s+like)\s+is\s+(?=an?\s+(?:new\s+|separate\s+)?(?:org|organi[sz]ation|workspace|company|team)\b)/gi,
    'create ',
  ],
  // "create an org called Foo, and Ann should be the admin of it": Ann is its first admin (its creator).
  [
    /\b(create\s+an?\s+(?:new\s+)?(?:org|organi[sz]ation|workspace|company)\s+(?:called|named)\s+[^,.;]+?),?\s+and\s+(⟦[ei]\d+⟧|[\w.'’-]+(?:\s+[\w.'’-]+)?)\s+(?:should|will|must|is\s+to|needs\s+to)\s+be\s+(?:the\s+|its\s+)?(?:admin|owner|administrator)\s+(?:of|for|in)\s+(?:it|that|the\s+new\s+one)\b/gi,
    '$1 with $2 as its admin',
  ],
  // "… admin of it from day one", "… going forward": when, not what.
  [/\s+(?:from\s+day\s+one|going\s+forward|from\s+now\s+on|from\s+the\s+start)\b/gi, ''],
  // "keep the slug as is", "leave her last name alone", "the slug can stay": what is to stay the same is no
  // change, and its words are no value ("as is" is not a slug).
  [
    /,?\s*(?:and\s+|but\s+)?(?:please\s+)?(?:keep|leave)\s+(?:the|its|their|his|her|our)\s+(?:[\w-]+\s+){0,3}?(?:as\s+(?:it\s+)?is|as\s+it\s+was|unchanged|alone|the\s+same|untouched|intact)\b[^.;!?]*/gi,
    '',
  ],
  [
    /(^|[.!?]\s+)(?:the|its|their|his|her|our)\s+[^.;!?]{1,60}?\s+(?:can|may|should|will|must)\s+(?:stay|remain)(?:\s+(?:the\s+same|as\s+(?:it\s+)?is|unchanged))?\s*(?=[.!?]|$)[.!?]?/gi,
    '$1',
  ],
  // "Foo Inc should now be called Foo Group", "the app is to be renamed Bar": the new name said as what it should
  // be called is a rename.
  [
    /\b(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}|⟦q\d+⟧)(\s+(?:org(?:anization)?|company|workspace|app|application|template))?\s+(?:should|must|will|is\s+to|needs\s+to|has\s+to)\s+(?:now\s+|from\s+now\s+on\s+)?be\s+(?:called|named|renamed(?:\s+to)?)\s+(?=[A-Z⟦])/g,
    'rename $1$2 to ',
  ],
  // "X's external id should go from A to B", "the slug should change from a to b": the value it goes to is the
  // value it should be ("… should be B", which the request forms read for every field).
  [
    /\b(needs?\s+to|should|has\s+to|must|is\s+to)\s+(?:go|change|be\s+changed|be\s+updated|be\s+switched|switch|move|be\s+moved|be\s+set)\s+from\s+(?:⟦q\d+⟧|[^\s,;]+)\s+to\s+/gi,
    '$1 be ',
  ],
  // "X wants his username changed from a to b", "she'd like her last name updated to B": the field, wanted changed.
  [
    /(?<![\w⟧])(⟦[ei]\d+⟧|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}|[a-z][\w'’-]*\s+[a-z][\w'’-]*)\s+(?:\([^)]*\)\s+)?(?:wants|would\s+like|'d\s+like|’d\s+like|needs|asked\s+(?:for|to\s+have))\s+(?:his|her|their)\s+((?:user\s*name|username|handle|external\s*id|first\s*name|last\s*name|surname|family\s+name|display\s+name|locale))\s+(?:changed|updated|switched|set|corrected|fixed)\s+(?:from\s+(?:⟦q\d+⟧|[^\s,;]+)\s+)?to\s+/gi,
    "$1's $2 should be ",
  ],
  // "the return address after the login", "the callback link": where an OAuth application sends people back is its
  // redirect URI; "the new address/URL is …" after it is the new redirect URI.
  [
    /\b(?:(?:after|following)\s+(?:the\s+)?(?:log-?in|sign-?in)\s+)?(?:the\s+)?(?:return|callback|redirect(?:ion)?|landing)\s+(?:address|url|link|page)(?:es|s)?(?:\s+after\s+(?:the\s+)?(?:log-?in|sign-?in))?/gi,
    'the redirect URI',
  ],
  [
    /\bthe\s+new\s+(?:address|url|link)\s+(?=is\b|should\s+be\b|will\s+be\b)/gi,
    // (Only after the redirect URI was spoken of: a look back at the text before, not a lookbehind over all of it.)
    // (With no groups, a replacer gets the match, its offset and the whole text.)
    (...[m, at, whole]: string[]) =>
      /\bredirect URI\b/.test(whole!.slice(0, Number(at))) ? 'the new redirect URI ' : m!,
  ],
  // "security asked for the consent page switched on", "we need PKCE switched off": a setting wanted on or off is turning it.
  [
    /\b(?:wants?|needs?|would\s+like|'d\s+like|’d\s+like|asked\s+for|asks\s+for)\s+(the\s+[\w\s-]{1,40}?)\s+(?:turned|switched|set|flipped)\s+(on|off)\b/gi,
    'please turn $1 $2',
  ],
  // "nothing outside that domain", "nobody else", "no one other than them": how far the request goes, said on its
  // own — no record and no action of its own.
  [
    /(^|[.!?;]\s+|,\s*)(?:and\s+)?(?:nothing|nobody|no\s*one|no-one|no\s+other\s+(?:user|account)s?)(?:\s+(?:else|more|further))?\s*(?:(?:outside|beyond|other\s+than|except|besides)\b[^.!?;]*)?(?=[.!?;]|$)[.!?;]?/gi,
    (_m: string, lead: string) => (lead.startsWith(',') ? '' : lead),
  ],
  // "Globex's billing contact", "the person doing the billing for Globex": the holder of that role in that
  // organization (a role reference; resolve.ts lists the holders, and asks when there are several).
  [
    /\b([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)(?:'s|’s)\s+(billing|admin)\s+(?:contact|person|guy|lady|lead|rep|representative)\b/g,
    (_m: string, org: string, role: string) => oneHolder(role, org),
  ],
  [
    /\b(?:[Tt]he\s+)?(?:person|one|guy|lady|woman|man|user|member)\s+(?:who\s+(?:is\s+|does\s+|handles\s+)?|that\s+(?:is\s+|does\s+|handles\s+)?)?(?:doing|handling|does|handles|responsible\s+for|in\s+charge\s+of)\s+(?:the\s+)?(?:billing|payments|invoices)\s+(?:for|at|of|in)\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)(?:\s+(?:company|org(?:anization)?|team|side))?/g,
    (_m: string, org: string) => oneHolder('billing', org),
  ],
  // "she should stay in Globex, but only as a normal member": staying with another role is that role.
  [
    /\b(should|must|can|will|may)\s+stay\s+(?:inside|in|at|with)\s+([^,.;]+?),?\s+(?:but\s+)?(?:only\s+|just\s+)?as\s+(?:an?\s+)?((?:normal|regular|plain)\s+member|member|viewer|admin|billing)\b/gi,
    '$1 be $3 of $2',
  ],
  // "…, so she needs admin there": a role someone needs, after a report, starts a request of its own.
  [/,?\s+so\s+(?=(?:he|she|they)\s+needs?\s+(?:an?\s+)?(?:admin|member|viewer|billing)\b)/gi, '. '],
  // ", that is whoever holds it, …": an apposition that says the same again.
  [/,\s*that\s+is\s+(?!(?:fine|ok|okay|all|it|not)\b)[^,.;]*,/gi, ','],
  // "in whatever org she's in", "of the organization he is part of": the organization of the person the request is
  // about (read from their memberships, never guessed: plan-org-of-user.ts).
  [
    /\b(in|of|for|at|from)\s+(?:whatever|whichever|the)\s+(?:org|organi[sz]ation|company|workspace|team)\s+(she|he|they)(?:'s|’s|'re|’re|\s+is|\s+are)\s+(?:in|part\s+of|a\s+member\s+of|with)\b/gi,
    (_m: string, prep: string, who: string) => `${prep} ${possessiveOf(who)} org`,
  ],
  // "show all orgs he's part of + roles", "all the organizations X is in and the role": her role in each of them.
  [
    /\b(?:list|show|tell\s+me|give\s+me)\s+(?:every|all|each|all\s+the)\s+(?:orgs?|organi[sz]ations?|companies|workspaces)\s+(⟦e\d+⟧|she|he|they|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)(?:\s*(?:'s|’s)|\s+(?:is|are))\s+(?:in|part\s+of|a\s+member\s+of)\s*(?:\+|and|with|&|,)\s*(?:(?:her|his|their|the)\s+)?roles?(?:\s+(?:in|there)\s*(?:each|there)?)?/gi,
    (_m: string, who: string) =>
      `what role does ${who} have in each of ${POSSESSIVE[who.toLowerCase()] ?? 'their'} orgs`,
  ],
  // "a phone #", "phone no.": a phone number; "does he have a phone number on his account" asks what it is.
  [/\bphone\s*(?:#|no\.?(?=\s|$)|nr\.?(?=\s|$))/gi, 'phone number'],
  [
    /\b(?:does|do)\s+(he|she|they|⟦e\d+⟧)\s+(?:even\s+|actually\s+|already\s+)?have\s+an?\s+phone\s+number(?:\s+on\s+(?:his|her|their|the)\s+(?:account|profile))?/gi,
    (_m: string, who: string) => `what is ${possessiveOf(who)} phone number`,
  ],
  // "is he in any org?": which organizations he is in (a question, never an organization called "any").
  [
    /\b(?:is|are)\s+(he|she|they|⟦e\d+⟧)\s+(?:even\s+)?(?:in|part\s+of|a\s+member\s+of)\s+any\s+(?:orgs?|organi[sz]ations?|companies|workspaces)\b/gi,
    'which orgs is $1 in',
  ],
  // "as a viewer only", "as an admin only": the role, said with a limit that changes nothing.
  [/\b(as\s+(?:an?\s+)?(?:admin|member|viewer|billing)(?:\s+member)?)\s+only\b/gi, '$1'],
  // "the account of whoever created Foo", "the login of the person who set up Foo": that person.
  [/\b(?:the\s+)?(?:account|login|user|profile)\s+of\s+(?=whoever\b|the\s+(?:person|one|user)\s+who\b)/gi, ''],
  // "the one who first set up Foo", "the lady that made Foo", "whoever first made Foo": whoever created it.
  [
    /\b(?:[Tt]he\s+(?:person|one|user|guy|individual|woman|man|lady|colleague|member)\s+(?:who|that)|whoever)\s+(?:originally\s+|first\s+|initially\s+)?(?:set\s+up|made|started|opened|founded|created)\s+(?=(?:the\s+)?[A-Za-z])/g,
    'whoever created ',
  ],
  [/(whoever created [^()]{1,60}?)\s*\((?:whoever|who(?:ever)?\s+(?:created|made|set\s+up))\s+it\)/gi, '$1'],
  // "ban review done", "lock audit finished": an action word naming a piece of work (a review, an audit) is a
  // noun — the subject of a report, never a request aimed at "review done".
  [
    /(^|[.!?;:]\s+|\n)(ban|unban|lock|unlock|block|delete|deletion|removal|access|offboarding)\s+(review|audit|check|sweep|clean-?up|appeal|process|request|ticket|investigation|task)\b/gi,
    '$1the $2 $3',
  ],
  // "ensure no one can register using an address at foo.test": future sign-ups from that domain blocked
  // (signup-block.ts).
  [
    /\b(?:make\s+sure|ensure)\s+(?:that\s+)?(?:nobody|no\s*one|no-one)\s+(?:else\s+)?(?:can|could|is\s+able\s+to)\s+(?:sign[\s-]?up|register|create\s+(?:an\s+)?accounts?|join)\s+(?:with|using|from|via)\s+(?:an?\s+)?(@?⟦h\d+⟧|⟦w\d+⟧)(?:\s+(?:address(?:es)?|e-?mails?|domain|accounts?))?/gi,
    'block all signups from $1',
  ],
  // "is the app invitation for x@y still open, or was it used?", "what's the status of the invitation for
  // x@y": the state of that address's invitations, read (never a change).
  [
    /\b(?:is|was|has)\s+(?:the|their|his|her|that)\s+(?:(?:sign-?up|app|pending)\s+)*invit(?:ation|e)\s+(?:for|to|of)\s+(⟦e\d+⟧)\s+(?:still\s+|already\s+|been\s+)*(?:pending|open|valid|active|accepted|used|redeemed|waiting)\b[^.?!]*/gi,
    'list invitations for $1',
  ],
  [
    /\b(?:is|was)\s+the\s+(?:pending|open)\s+(?:(?:sign-?up|app)\s+)?invit(?:ation|e)\s+(?:for|to|of)\s+(⟦e\d+⟧)(?:\s+(?:still\s+)?(?:pending|open|valid))?(?:,?\s+(?:or|and)\b[^.?!]*)?(?=[.?!]|$)/gi,
    'list invitations for $1',
  ],
  [
    /\bwhat(?:'s|’s|\s+is)\s+the\s+status\s+of\s+(?:the|their|his|her|that)\s+(?:(?:sign-?up|app)\s+)?invit(?:ation|e)\s+(?:for|to|of)\s+(⟦e\d+⟧)/gi,
    'list invitations for $1',
  ],
  // "kindly rename …": a polite "please".
  [/\bkindly\b/gi, 'please'],
  // "X should no longer be in Foo, but in Bar as a plain member": leaving one organization for another, with the
  // role there — a move (both steps, each approved on its own).
  [
    /(⟦e\d+⟧|\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|\b(?:he|she|they))\s+(?:should|must|shall)(?:\s+not|n't|n’t)\s+be\s+(?:any\s*more\s+|any\s+longer\s+|no\s+longer\s+)?in\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)(?:\s+(?:team|org|organi[sz]ation|company))?(?:\s+(?:any\s*more|any\s+longer))?,?\s+but\s+(?:instead\s+|rather\s+|only\s+)?in\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)(?:\s+(?:team|org|organi[sz]ation|company))?\s+as\s+(?:an?\s+)?(?:(?:normal|regular|plain|ordinary)\s+)?(member|admin|viewer|billing)\b/g,
    'move $1 from $2 to $3 as a $4',
  ],
  // "she should receive an invitation to Acme as member", "X is to get an invite to Foo": inviting them.
  [
    /(⟦e\d+⟧|\b(?:he|she|they)|\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:should|must|needs?\s+to|is\s+to|has\s+to|will)\s+(?:receive|get|be\s+sent|be\s+given)\s+(?:an?\s+|the\s+)?invit(?:ation|e)\s+(?=to\b|for\b)/g,
    (_m: string, who: string) => `invite ${OBJECT[who.toLowerCase()] ?? who} `,
  ],
  // (The same move after the request forms read its first half: "remove X from Foo, but in Bar as a member".)
  [
    /\bremove\s+(.+?)\s+from\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?),?\s+but\s+(?:instead\s+|rather\s+|only\s+)?in\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)(?:\s+(?:team|org|organi[sz]ation|company))?\s+as\s+(?:an?\s+)?(?:(?:normal|regular|plain|ordinary)\s+)?(member|admin|viewer|billing)\b/g,
    'move $1 from $2 to $3 as a $4',
  ],
  // "we require one more region claim in the foo template: …": a claim wanted is a claim to add.
  [
    /\b(?:(?:we|i)\s+)?(?:need|want|require)s?\s+(?:a|an|one\s+more|another|a\s+new)\s+(?=(?:[\w-]+\s+)?claim\b)/gi,
    'add a ',
  ],
  // "Ann Lee, what role she has at Foo?": the person said first, then the question about them.
  [
    /(^|[.!?]\s+)([^,.;!?]{2,60}?),\s*(?:which|what)\s+role\s+(?:does\s+|do\s+|did\s+)?(?:he|she|they)\s+(?:have|has|hold|holds|got)\s+(in|at)\s+/gi,
    '$1what role does $2 have $3 ',
  ],
  // "note on her profile the team: 'Platform'": a profile entry is a public metadata key.
  [
    /\b(?:write|put|put\s+down|enter|record|note|add)\s+(?:in|on|into)\s+(his|her|their)\s+profile\s+the\s+([a-z][\w-]*)(?:\s+completely|\s+in\s+full)?\s*:?\s+(⟦q\d+⟧)/gi,
    'set $2 to $3 in $1 public metadata',
  ],
  // "For the CEO of Foo please set … in his metadata": the person a sentence opens with "For" is whose "his/her" is.
  [
    /(^|[.!?]\s+)[Ff]or\s+(the\s+profiled~[\w.~-]+|the\s+nameless\s+user|⟦e\d+⟧)\s*,?\s+([^.!?]*)/g,
    (m: string, lead: string, who: string, rest: string) => {
      const filled = rest.replace(/\b(?:his|her|their)\b/gi, `${who}'s`).replace(/\b(?:him|them)\b/gi, who);
      // (No pronoun to stand in for: "for X set K = V" keeps X, or the request would lose whose it is.)
      return filled === rest ? m : `${lead}${filled}`;
    },
  ],
  // "could his access to the Foo organisation be taken away?": removing him from it (the account stays).
  [
    /\b(?:(?:could|can|would|should|will)\s+)?(his|her|their|⟦e\d+⟧(?:'s|’s)?)\s+access\s+to\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)(?:\s+(?:org|organi[sz]ation|workspace|team))?\s+(?:be|get|to\s+be|should\s+be|needs?\s+to\s+be|must\s+be)\s+(?:taken\s+away|removed|revoked|withdrawn|ended|cut(?:\s+off)?|stopped)\b/gi,
    (_m: string, who: string, org: string) =>
      `remove ${OBJECT[who.toLowerCase()] ?? who.replace(/(?:'s|’s)$/, '')} from ${org}`,
  ],
  // "are those logins in use at all?": being used, never an organization called "use".
  [/\b(?:still\s+)?in\s+use\b/gi, 'used'],
  // "please to block …" (after "kindly" became "please"): the request.
  [/\bplease\s+to\s+(?=[a-z])/gi, 'please '],
  // "no other person's access is to be changed", "the name and slug are to remain unaltered", "Initech itself is not
  // to be modified": what must stay as it is, said in the passive — the change touches only what it names.
  [
    /(^|[.;]\s*|,\s*(?:and\s+)?)no\s+other\s+[^.;!?]{1,60}?\s+(?:is|are|shall\s+be|will\s+be)\s+(?:to\s+be\s+)?(?:altered|changed|modified|affected|touched|updated|removed|deleted|terminated|revoked)\b[^.;!?]*/gi,
    '$1',
  ],
  [
    /(^|[.;]\s*)(?:the|its|his|her|their)\s+[^.;!?]{1,80}?\s+(?:is|are)\s+(?:to\s+(?:remain|stay)|not\s+to\s+(?:be|remain|stay))\s+(?:unaltered|unchanged|untouched|intact|as\s+(?:it|they)\s+(?:is|are)|modified|altered|changed|affected|touched|deleted|removed|banned|locked|revoked)\b[^.;!?]*/gi,
    '$1',
  ],
  // Words an English learner carries over from Spanish and Portuguese ("eliminate the satellite", "quit that
  // scope", "ban to X", "pass to admin", "put him as a regular viewer", "the responsible of payments in Foo").
  [/\beliminat(?:e|ing)\b/gi, 'delete'],
  [/\bquit\s+(?=(?:that|this|the|its|her|his|their)\b)/gi, 'remove '],
  // (Not "invite to X": an invitation is sent to someone, and "the invite to X" is the noun.)
  [/\b(ban|unban|lock|unlock)\s+to\s+(?=[A-Z⟦])/g, '$1 '],
  [/\bpass(?:es)?\s+to\s+(?=(?:an?\s+)?(?:viewer|member|admin|billing)s?\b)/gi, 'move to '],
  [
    /\bput\s+(him|her|them|⟦e\d+⟧|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+as\s+(?:an?\s+)?(?:normal\s+|regular\s+|simple\s+)?(member|viewer|admin|billing)\b/g,
    'make $1 a $2',
  ],
  [
    /\bthe\s+(?:responsible|person\s+responsible|one\s+responsible)\s+(?:of|for)\s+(?:the\s+)?(?:billing|payments|invoices)\s+(?:in|of|at|for)\s+(?:the\s+organi[sz]ation\s+)?([A-Z][\w&'’-]*)/g,
    (_m: string, org: string) => oneHolder('billing', org),
  ],
  // "all people who hold the role of viewer": everyone holding that role.
  [
    /\ball\s+(?:the\s+)?(?:persons|people|users|members|accounts)\s+(?:that|who|which)\s+(?:have|hold)\s+the\s+role\s+(?:of\s+)?(member|viewer|admin|billing)\b/gi,
    'everyone with the $1 role',
  ],
  // "At Foo, everyone with the viewer role should go to member": the holders, moved.
  [
    /\b(?:[Ii]n|[Aa]t|[Ff]or|[Ww]ithin)\s+(?:the\s+organi[sz]ation\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?),\s+(everyone\s+with\s+the\s+\w+\s+role)\s+(?:must|should|shall|needs?\s+to|has\s+to|have\s+to|is\s+to|are\s+to)\s+(?:move|go|change|switch|become|be\s+moved)\s+to\s+/g,
    'move $2 in $1 to ',
  ],
  // "forty (40)", "fifteen (15) seats": a number in words with its digits after it is the number once.
  [
    new RegExp(
      `\\b(?:${Object.keys(NUMBER_WORDS).join('|')}|\\d+)(?:[-\\s](?:${Object.keys(NUMBER_WORDS).join('|')}))?\\s+\\((\\d+)\\)`,
      'gi',
    ),
    '$1',
  ],
  // "delete the organization Foo together with its memberships": what deleting it takes with it, not a second thing.
  [
    /\s+(?:together|along)\s+with\s+(?:all\s+(?:of\s+)?)?(?:its|their)\s+(?:memberships?|members|invitations?|data|contents)\b/gi,
    '',
  ],
  // "ensure that X holds the administrator role in Foo": make sure of a role (the planner says when it already is).
  [
    /\b(ensure|make\s+sure)\s+(?:that\s+)?(.+?)\s+(?:holds|has|retains|keeps)\s+(?:the\s+)?(admin(?:istrator)?|member|viewer|billing)\s+role\s+(?:in|at|of|for|within)\s+/gi,
    (_m: string, _v: string, who: string, role: string) =>
      `make sure ${who} is ${/^admin/i.test(role) ? 'admin' : role} of `,
  ],
  // (and "ensure X is an admin of Foo" is making sure of it too.)
  [
    /\bensure\s+(?:that\s+)?(?=[^.;!?]{1,60}?\s+(?:is|are)\s+(?:an?\s+)?(?:admin|member|viewer|billing)\b)/gi,
    'make sure ',
  ],
  // "private_metadata.risk=high": the key written as a path into the metadata.
  [/\b(public|private|unsafe)_metadata\.([a-z][\w-]*)\s*(=|:)\s*/gi, '$1 metadata $2$3'],
  // "clear vendor_ref from private_metadata", "her public profile info": the metadata said by its API name or
  // as the profile's public/private part.
  // (Only where it is a place — "from private_metadata": a bare "drop public_metadata" may name an OAuth scope.)
  [
    /\b(from|in|into|to|of|off|inside)\s+(?:(the|her|his|their|its)\s+)?(public|private|unsafe)_metadata\b(?!\.)/gi,
    (_m: string, at: string, owner: string | undefined, which: string) =>
      `${at} ${owner ? `${owner} ` : ''}${which} metadata`,
  ],
  [/\b(public|private|unsafe)\s+(?:profile\s+)?(?:info|information|data|details|section|part)\b/gi, '$1 metadata'],
  // "we are requesting that all users at @x.test are locked", "is it possible that every member of Foo is switched
  // to viewer": the state asked for, said of its subject, is the request (the verb of that participle).
  [
    /\b(?:(?:we|i|they)\s+(?:are|am)\s+|(?:is|would|will)\s+it\s+(?:be\s+)?)?(?<!\bnot\s+)(?:requesting|request|asking|ask|needing|need|wanting|want|possible|ok|okay)\s+that\s+([^.!?;]+?)\s+(?:are|is|be|gets?|get)\s+(locked|unlocked|banned|unbanned|removed|deleted|revoked|cancell?ed|switched|moved|changed)\b/gi,
    (_m: string, who: string, done: string) =>
      `${{ locked: 'lock', unlocked: 'unlock', banned: 'ban', unbanned: 'unban', removed: 'remove', deleted: 'delete', revoked: 'revoke', cancelled: 'revoke', canceled: 'revoke', switched: 'switch', moved: 'move', changed: 'change' }[done.toLowerCase()]} ${who}`,
  ],
  // "… sign in again today": when, at the end of a request (not "who joined today", not "from today").
  [/(?<=\b(?:again|back|access|account|now))\s+today(?=\s*[?!.]*$)/gi, ''],
  // "rename the app 'Foo' as 'Bar'": renaming as is renaming to.
  [/\b(rename\s+.+?)\s+as\s+(?=⟦q\d+⟧|[A-Z])/g, '$1 to '],
  // "make Natasha as admin", "appoint Ann Lee as an admin": "as" before the role in "make" adds nothing (the role
  // is the complement, and "Natasha as" is no name).
  [
    /\b(make|made|appoint|appointed|designate|designated)\s+(⟦e\d+⟧|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+as\s+(?=(?:an?\s+)?(?:admin|administrator|viewer|billing|member)\b)/g,
    '$1 $2 ',
  ],
  // "is she still in the Foo group on the website", "lock his account on the portal": the product itself, named as
  // where things are, adds nothing (lower case only: "the Portal" may be an app's name).
  [
    /\s+(?:on|in|from|of)\s+(?:the|our|your)\s+(?:club\s+|company\s+|member\s+|partner\s+|customer\s+)?(?:website|web\s*site|site|portal|platform|system)\b(?!\s*(?:'s|’s|app|application))/g,
    '',
  ],
  // "is Ann still part of Foo?", "whether she is a part of the Foo team": membership said as being part of it.
  [/\b(?<=(?:is|are|was|were|still|not|no\s+longer)\s+)(?:a\s+)?part\s+of\s+(?=(?:the\s+)?[A-Z⟦])/g, 'in '],
  // "into our platform's public metadata": the product's own metadata is the record's (lower case only, as above).
  [
    /\b(?:the|our)\s+(?:website|web\s*site|site|portal|platform|system)(?:'s|’s)\s+(?=(?:public|private|unsafe)\s+metadata\b)/g,
    '',
  ],
  // "how many folks are on Foo", "how many ppl": casual words for people.
  [/\b(how\s+many\s+)(?:folks|peeps|ppl|heads|souls|bodies)\b/gi, '$1people'],
  [/\b(how\s+many\s+(?:people|members|users)\s+(?:are|is)\s+)on\s+/gi, '$1in '],
  // "the company that was founded by Ann Lee": the active form creator.ts reads; the person is the creator, never
  // the target.
  [CREATOR_PASSIVE, creatorActive],
  // "take Ann off admin at Foo", "get him off the admins in Bar" (after "take off" became "remove from"): the admin
  // role taken away, the membership kept.
  [
    /\b(?:take|get|bump|remove)\s+(⟦[ei]\d+⟧|him|her|them|[\w.'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:off|from)\s+(?:the\s+)?admins?(?:istrators?)?(?:\s+role)?\s+(?:at|in|of|for|on)\s+/gi,
    'demote $1 in ',
  ],
  // "change her role to bilin manager": a role word misspelt twice is still the role before "manager".
  [/\b(?:bil+in|bil+ng|bilin|biling|billin|bilng|bililng|billling|billig)\s+(?=manager\b)/gi, 'billing '],
];

/** The clause with every casual phrasing replaced by its canonical verb. */
export function canonicalVerb(c: string): string {
  let out = c;
  for (const [re, to] of SYNONYMS)
    out =
      typeof to === 'string' ? out.replace(re, to) : out.replace(re, to as (m: string, ...rest: string[]) => string);
  return out;
}

// A word right after one of these (or at the start of a clause) stands where a request puts its verb.
const VERB_SLOT =
  /(?:^|[,.;:!?(]|\b(?:please|pls|plz|you|u|and|then|to|also|just|kindly|now|can|could|would|will|quickly|must|should|maybe|perhaps|possibly))\s*$/i;

// A word after one of these stands where a passive puts its participle.
const PARTICIPLE_SLOT =
  /\b(?:be|been|being|is|are|was|were|get|got|gets|have|has|had|it|him|her|them|account|acount)\s*$/i;
const PARTICIPLES = VERBS.filter((v) => v.length >= 4).map((v) => (v.endsWith('e') ? `${v}d` : `${v}ed`));

// Role names, corrected only where a role stands ("up to admn", "as a viewr", "make her an amdin") and only when
// typed in lower case: elsewhere a short word near "admin" is as likely a name ("Amin").
// (And the adjectives said of the plain role: "an ordinery member".)
const ROLE_WORDS = ['admin', 'admins', 'viewer', 'viewers', 'billing', 'ordinary', 'regular', 'standard'];
const ROLE_SLOT =
  /(?:\b(?:to|as|an?|be|become|becomes|into|make|made|now|regular|plain|normal|full|org|the)|->|→|=>)\s*$/i;

/** Misspelt verbs (in a verb's place) and resource words (anywhere) replaced by the lexicon word they are closest to. */
export function correctTypos(masked: string): string {
  const parts = masked.split(/(\s+)/);
  for (let i = 0; i < parts.length; i++) {
    const token = parts[i]!;
    const m = token.match(/^([A-Za-z]+)([,.;:!?]*)$/);
    if (!m) continue;
    const word = m[1]!.toLowerCase();
    const clipped = CLIPPED[word];
    if (clipped) {
      parts[i] = `${clipped}${m[2]}`;
      continue;
    }
    const before = parts.slice(0, i).join('');
    const clippedVerb = CLIPPED_VERBS[word];
    if (clippedVerb && m[1] === word && VERB_SLOT.test(before)) {
      parts[i] = `${clippedVerb}${m[2]}`;
      continue;
    }
    const fixed =
      (VERB_SLOT.test(before) ? (closest(word, VERBS) ?? droppedLetter(word, VERBS)) : undefined) ??
      // ("could be remvoed", "get her acount unlokced": a misspelt participle where a passive puts one.)
      (PARTICIPLE_SLOT.test(before) && /d$/.test(word) ? closest(word, PARTICIPLES) : undefined) ??
      (ROLE_SLOT.test(before) && m[1] === word ? closest(word, ROLE_WORDS) : undefined) ??
      // Five letters ("acess") only when written in lower case: a capitalised short word is more likely a name.
      (word.length >= 6 || (word.length === 5 && m[1] === word) ? closest(word, NOUNS) : undefined);
    if (fixed) parts[i] = `${fixed}${m[2]}`;
  }
  return parts.join('');
}

/** Only the misspelt participles of passives ("could be remvoed"): read before the passive requests are turned. */
export function correctParticiples(masked: string): string {
  return masked.replace(/\b([a-z]{4,}d)\b/g, (word: string, _w: string, at: number) =>
    PARTICIPLE_SLOT.test(masked.slice(0, at)) ? (closest(word, PARTICIPLES) ?? word) : word,
  );
}

/** The one lexicon word `word` is a typo of, or undefined (known words, inflections and ties are left alone). */
export function closest(word: string, lexicon: readonly string[]): string | undefined {
  if (word.length < 4 || REAL_WORDS.has(word) || lexicon.includes(word) || isInflection(word)) return undefined;
  let best: string[] = [];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const target of lexicon) {
    if (Math.abs(target.length - word.length) > 2) continue;
    const d = distance(word, target);
    const allowed = target.length <= 4 ? (slip(word, target) ? 1 : 0) : target.length >= 8 ? 2 : 1;
    if (d > allowed) continue;
    if (d < bestDistance) [best, bestDistance] = [[target], d];
    else if (d === bestDistance) best.push(target);
  }
  return best.length === 1 ? best[0] : undefined;
}

/** "lok", "kik": a three-letter word in a verb's place that is a four-letter verb missing one letter (one verb only). */
function droppedLetter(word: string, verbs: readonly string[]): string | undefined {
  if (word.length !== 3 || REAL_WORDS.has(word) || verbs.includes(word)) return undefined;
  // (An inner letter only: a first or last letter missing makes too many real words.)
  const hits = verbs.filter((v) => v.length === 4 && [1, 2].some((i) => v.slice(0, i) + v.slice(i + 1) === word));
  return hits.length === 1 ? hits[0] : undefined;
}

/** A swapped pair or a doubled letter: the only slips short words are corrected for ("bann", "lcok"). */
function slip(word: string, target: string): boolean {
  // (A doubled letter, or a letter of the word typed once too early: "bann", "bnan".)
  if (word.length === target.length + 1)
    return [...word].some(
      (ch, i) =>
        i > 0 && word.slice(0, i) + word.slice(i + 1) === target && (ch === word[i - 1] || word.indexOf(ch, i + 1) > i),
    );
  if (word.length !== target.length) return false;
  const diff = [...word].map((ch, i) => (ch === target[i] ? -1 : i)).filter((i) => i >= 0);
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    word[diff[0]!] === target[diff[1]!] &&
    word[diff[1]!] === target[diff[0]!]
  );
}

/** "banned", "invites", "revoking": an inflected lexicon word is a real word, not a typo. */
function isInflection(word: string): boolean {
  // "member" next to "members": the singular of a lexicon plural is a word too.
  // ("templat" is not the singular of "templates": only -s/-x/-z/-ch/-sh words take -es.)
  if ([...VERBS, ...NOUNS].some((w) => w === `${word}s` || (/(?:s|x|z|ch|sh)$/.test(word) && w === `${word}es`)))
    return true;
  // ("removed", "blocker": a final -d/-r after an e; "revokr" is a slip, not an inflection.)
  const stems = [word.replace(/(?:ed|es|s|ing|er|ers|al)$/, ''), word.replace(/(?<=e)(?:d|r|rs)$/, '')];
  return stems.some(
    (stem) =>
      stem !== word &&
      [...VERBS, ...NOUNS].some((w) => w === stem || w === `${stem}e` || w === stem.replace(/(.)\1$/, '$1')),
  );
}

/** Damerau–Levenshtein distance (optimal string alignment). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Resources whose fields the field reader (field-edit.ts) edits. */
export type FieldResource = 'org' | 'user' | 'jwt' | 'oauth';

/**
 * One row per field a request may edit: `param` is the Clerk API's own name (a test checks it against the update
 * action's schema), `words` the ways people say it (a regex alternation, read on the normalized clause), `kind`
 * how its value is read. A new synonym for a field is one edit here.
 */
export interface FieldWord {
  resource: FieldResource;
  param: string;
  kind: 'text' | 'int' | 'seconds' | 'scopes' | 'list';
  words: string;
}

export const FIELD_WORDS: readonly FieldWord[] = [
  { resource: 'org', param: 'name', kind: 'text', words: 'name|display\\s+name' },
  { resource: 'org', param: 'slug', kind: 'text', words: 'slug|url\\s+slug' },
  {
    resource: 'org',
    param: 'max_allowed_memberships',
    kind: 'int',
    words:
      'max(?:imum)?\\s+(?:allowed\\s+)?(?:number\\s+of\\s+)?(?:members(?:hips)?|seats|users|people|staff)(?:\\s+(?:permitted|allowed))?|(?:member(?:ship)?|seat|user)\\s+(?:limit|cap|count)|seat\\s+allowance|(?:max(?:imum)?|capacity|headcount)(?:\\s+(?:size|capacity|headcount|limit|cap))?',
  },
  { resource: 'user', param: 'first_name', kind: 'text', words: 'first\\s+name|given\\s+name|forename' },
  { resource: 'user', param: 'last_name', kind: 'text', words: 'last\\s+name|surname|family\\s+name' },
  { resource: 'user', param: 'username', kind: 'text', words: 'username|user\\s+name|handle' },
  { resource: 'user', param: 'external_id', kind: 'text', words: 'external\\s+id|external_id' },
  { resource: 'jwt', param: 'name', kind: 'text', words: 'name' },
  { resource: 'jwt', param: 'lifetime', kind: 'seconds', words: '(?:token\\s+)?lifetime|ttl' },
  { resource: 'jwt', param: 'allowed_clock_skew', kind: 'seconds', words: '(?:allowed\\s+)?clock\\s+skew|leeway' },
  { resource: 'oauth', param: 'name', kind: 'text', words: 'name|display\\s+name' },
  { resource: 'oauth', param: 'scopes', kind: 'scopes', words: 'scopes?' },
  {
    resource: 'oauth',
    param: 'redirect_uris',
    kind: 'list',
    words: 'redirect(?:\\s+ur[il]s?)?|redirects|callback(?:\\s+ur[il]s?)?|callbacks',
  },
];

/** The nouns that name each resource in a request ("the Foo workspace", "the Bar integration"). */
export const RESOURCE_WORDS: Readonly<Record<FieldResource, string>> = {
  org: 'orgs?|organi[sz]ations?|company|workspace|team|tenant',
  user: 'users?|accounts?|profile',
  jwt: 'jwts?(?:\\s+templates?)?|templates?',
  oauth:
    'o-?auth(?:\\s*2)?(?:\\s+(?:app|application|client))?|apps?|applications?|integrations?|clients?|connectors?|connections?',
};
