/**
 * Entity extraction for the offline model: pulls emails, Clerk ids, quoted names, JSON objects, URLs, host names,
 * wildcard identifiers, phone numbers, roles and numbers out of a request, and replaces each with a placeholder
 * (`⟦e0⟧`, `⟦i0⟧`, …) so intent patterns can match the sentence's shape without tripping over its contents.
 */
import { layout } from './request-form.js';

/** A Clerk id found in the text, e.g. `{ prefix: 'user', value: 'user_2x…' }`. */
interface IdEntity {
  prefix: string;
  value: string;
}

/** Everything recognised in one request. Arrays keep the order of appearance. */
export interface Entities {
  emails: string[];
  /** `*@acme.test`-style identifiers (allow/blocklists). */
  wildcards: string[];
  ids: IdEntity[];
  quoted: string[];
  /** Parsed JSON objects (claims, metadata). */
  json: Record<string, unknown>[];
  /** Text of JSON-looking objects that did not parse (so we can say so instead of guessing). */
  badJson: string[];
  urls: string[];
  /** Bare host names (`blog.example.com`) that are not part of an email or URL. */
  hosts: string[];
  phones: string[];
  numbers: number[];
}

/** A request with its entities and its placeholder-masked text (original case kept). */
export interface Sentence {
  raw: string;
  /** Trimmed, whitespace collapsed, trailing `.!` removed. */
  text: string;
  /** `text` with entities replaced by placeholders. */
  masked: string;
  ents: Entities;
}

/** Clerk id prefixes we recognise (longest first so `orginv_` wins over `org_`). */
const ID_PREFIXES = [
  'orginv',
  'orgmem',
  'client',
  'user',
  'sess',
  'inv',
  'org',
  'alid',
  'blid',
  'jtmp',
  'dmn',
  'oa',
  'oauth',
  'app',
  'idn',
  'ins',
] as const;

const EMAIL = /(?<![\w.+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])/gi;
const WILDCARD = /\*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const URL_RE = /\bhttps?:\/\/[^\s"'<>]+[^\s"'<>.,;:!?)]/gi;
const ID_RE = new RegExp(`\\b(?:${ID_PREFIXES.join('|')})_[A-Za-z0-9]{3,}\\b`, 'g');
// A host right after a bare "@" ("an @globex.test address") is still a host; inside an email it never is. A
// period after it ends the sentence ("… at x.test. Thanks"); a period and more letters make a longer name.
const HOST =
  /(?<![\w.-])(?<![\w.-]@)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|io|dev|app|test|co|ai|xyz|info|biz|us|uk|de|fr|example|local|localhost)(?![\w-]|\.[\w-])/gi;
const PHONE = /(?<![\w])\+\d[\d\s-]{6,}\d(?![\w])/g;
const QUOTED = /(?<=^|[\s(:,=])(?:"([^"]+)"|'([^']+)'|“([^”]+)”|‘([^’]+)’|`([^`]+)`)(?=$|[\s).,:;!?])/g;

/** Entities with every list empty (filled by analyze, or renumbered by clauses.subSentence). */
export function emptyEntities(): Entities {
  return {
    emails: [],
    wildcards: [],
    ids: [],
    quoted: [],
    json: [],
    badJson: [],
    urls: [],
    hosts: [],
    phones: [],
    numbers: [],
  };
}

// What a code span may hold and still be read as the entity it wraps.
// (A role key, "`org:member`", is read as the role it names.)
const CODE_ENTITY = [EMAIL, WILDCARD, ID_RE, HOST, URL_RE, /org:[a-z_]+/].map(
  (re) => new RegExp(`^(?:${re.source})$`, 'i'),
);

/** Builds a Sentence from raw user text. */
export function analyze(raw: string): Sentence {
  // Line layout first (bullets, quoted history, signature): after this, lines no longer exist.
  const text = layout(raw)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '')
    .trim();
  const ents = emptyEntities();
  let masked = text;

  masked = maskJson(masked, ents);
  masked = masked.replace(QUOTED, (...m: unknown[]) => {
    const inner = [m[1], m[2], m[3], m[4], m[5]].find((x) => typeof x === 'string') as string;
    // A code span around an address, id, pattern or host ("blocklist `x@y.test`") is formatting, not a quoted name:
    // the entity is read as if typed bare.
    if (typeof m[5] === 'string' && CODE_ENTITY.some((re) => re.test(inner.trim()))) return inner.trim();
    ents.quoted.push(inner.trim());
    return `⟦q${ents.quoted.length - 1}⟧`;
  });
  masked = masked.replace(URL_RE, (m) => {
    ents.urls.push(m);
    return `⟦u${ents.urls.length - 1}⟧`;
  });
  masked = masked.replace(WILDCARD, (m) => {
    ents.wildcards.push(m.toLowerCase());
    return `⟦w${ents.wildcards.length - 1}⟧`;
  });
  masked = masked.replace(EMAIL, (m) => {
    ents.emails.push(m.toLowerCase());
    return `⟦e${ents.emails.length - 1}⟧`;
  });
  masked = masked.replace(ID_RE, (m) => {
    const prefix = m.slice(0, m.indexOf('_'));
    ents.ids.push({ prefix, value: m });
    return `⟦i${ents.ids.length - 1}⟧`;
  });
  masked = masked.replace(HOST, (m) => {
    ents.hosts.push(m.toLowerCase());
    return `⟦h${ents.hosts.length - 1}⟧`;
  });
  masked = masked.replace(PHONE, (m) => {
    ents.phones.push(m.replace(/[\s-]/g, ''));
    return `⟦p${ents.phones.length - 1}⟧`;
  });
  for (const m of masked.matchAll(/(?<![\w⟦.])(\d+)(?![\w.]|⟧)/g)) ents.numbers.push(Number(m[1]));
  return { raw, text, masked, ents };
}

/** Finds balanced `{…}` spans, parses them leniently, and masks them as `⟦j0⟧`. */
function maskJson(text: string, ents: Entities): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('{', i);
    if (start < 0) break;
    const end = matchBrace(text, start);
    if (end < 0) break;
    out += text.slice(i, start);
    const span = text.slice(start, end + 1);
    const parsed = parseLooseJson(span);
    if (parsed) {
      ents.json.push(parsed);
      out += `⟦j${ents.json.length - 1}⟧`;
    } else {
      ents.badJson.push(span);
      out += `⟦x${ents.badJson.length - 1}⟧`;
    }
    i = end + 1;
  }
  return out + text.slice(i);
}

function matchBrace(text: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let k = start; k < text.length; k++) {
    const c = text[k]!;
    if (quote) {
      if (c === '\\') k++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return k;
  }
  return -1;
}

/** JSON.parse, then a lenient retry (unquoted keys, single quotes, trailing commas) for hand-typed objects. */
export function parseLooseJson(span: string): Record<string, unknown> | undefined {
  const attempts = [
    span,
    span
      .replace(/[“”]/g, '"')
      .replace(/'([^'"]*)'/g, '"$1"')
      .replace(/([{,]\s*)([A-Za-z_$][\w$.-]*)\s*:/g, '$1"$2":')
      .replace(/,\s*([}\]])/g, '$1'),
  ];
  for (const attempt of attempts) {
    try {
      const value: unknown = JSON.parse(attempt);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // try the next, more lenient form
    }
  }
  return undefined;
}

/** Replaces placeholders in a captured chunk with the entity text they stand for. */
/** `unmask`, with each quoted value back inside its quotes ("… to "Chairman" change" keeps saying it is quoted). */
export function unmaskQuoted(chunk: string, ents: Entities): string {
  return unmask(
    chunk.replace(/⟦q(\d+)⟧/g, (whole, n: string) => {
      const q = ents.quoted[Number(n)];
      return q === undefined ? whole : `"${q}"`;
    }),
    ents,
  );
}

export function unmask(chunk: string, ents: Entities): string {
  return chunk.replace(/⟦([a-z])(\d+)⟧/g, (whole, kind: string, n: string) => {
    const k = Number(n);
    switch (kind) {
      case 'e':
        return ents.emails[k] ?? whole;
      case 'w':
        return ents.wildcards[k] ?? whole;
      case 'i':
        return ents.ids[k]?.value ?? whole;
      case 'q':
        return ents.quoted[k] ?? whole;
      case 'u':
        return ents.urls[k] ?? whole;
      case 'h':
        return ents.hosts[k] ?? whole;
      case 'p':
        return ents.phones[k] ?? whole;
      case 'j':
        return JSON.stringify(ents.json[k] ?? {});
      case 'x':
        return ents.badJson[k] ?? whole;
      default:
        return whole;
    }
  });
}

/** Maps a role word to a Clerk role key: admin → org:admin, member → org:member, `org:x` kept. */
export function roleKey(word: string): string | undefined {
  const w = word
    .toLowerCase()
    .replace(/^(an?|the)\s+/, '')
    .trim();
  if (/^org:[a-z0-9_:-]+$/.test(w)) return w;
  if (/^(admin|administrator|admins|owner)$/.test(w)) return 'org:admin';
  if (
    /^(member|members|basic member|regular member|normal member|plain member|ordinary member|basic_member|user)$/.test(
      w,
    )
  )
    return 'org:member';
  if (/^(billing|billing member|billing manager|billing admin)$/.test(w)) return 'org:billing';
  if (/^(viewer|read-only member)$/.test(w)) return 'org:viewer';
  return undefined;
}
