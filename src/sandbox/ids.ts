/**
 * Deterministic ids. Clerk ids are a prefix plus a 27-character base62 body (`user_2xhFjEI5X2qWRvtV13BzSj8H6Dk`).
 * Ours are derived from a counter kept in the state, so the same seed always yields the same ids and a restored
 * state keeps counting where it stopped. The last 6 characters encode the counter itself, which makes every id
 * unique; the first 21 are a hash of it so ids do not look sequential.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** murmur3's 32-bit finaliser: a cheap, well-mixed hash of an integer. */
function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A deterministic base62 string of `length` characters derived from `n` and a salt. */
export function hashChars(n: number, length: number, salt = 0): string {
  let out = '';
  const seed = mix32(mix32(n) ^ Math.imul(salt + 1, 0x9e3779b9));
  let h = seed;
  for (let i = 0; i < length; i++) {
    // Refill from the per-id seed every 5 characters (62^5 < 2^32), so every block depends on n.
    if (i % 5 === 0) h = mix32(seed ^ Math.imul(i + 1, 0x85ebca6b));
    out += ALPHABET[h % 62];
    h = Math.floor(h / 62);
  }
  return out;
}

/** A deterministic base62 string of `length` characters derived from a string (FNV-1a, then hashChars). */
export function hashString(s: string, length: number, salt = 0): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return hashChars(h >>> 0, length, salt);
}

function counterChars(n: number, length: number): string {
  let out = '';
  let v = n;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out;
}

/** The 27-character body of the id numbered `n`. */
export function idBody(n: number): string {
  return '2' + hashChars(n, 20) + counterChars(n, 6);
}

/** Hands out ids from a counter held by `holder` (the state), so persistence keeps the sequence. */
export interface IdGenerator {
  next(prefix: string): string;
}

/** Create an id generator that reads and advances `holder.nextId`. */
export function createIdGenerator(holder: { nextId: number }): IdGenerator {
  return {
    next(prefix: string): string {
      const n = holder.nextId;
      holder.nextId = n + 1;
      return prefix + idBody(n);
    },
  };
}

/** Id prefixes used by Clerk (REFERENCE.md §1; `oa_` is unverified). */
export const ID_PREFIX = {
  user: 'user_',
  organization: 'org_',
  membership: 'orgmem_',
  organizationInvitation: 'orginv_',
  invitation: 'inv_',
  session: 'sess_',
  client: 'client_',
  identification: 'idn_',
  allowlist: 'alid_',
  blocklist: 'blid_',
  jwtTemplate: 'jtmp_',
  domain: 'dmn_',
  oauthApplication: 'oa_',
  instance: 'ins_',
  sessionActivity: 'sess_activity_',
} as const;
