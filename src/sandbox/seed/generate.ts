/**
 * Bulk users for load tests (the 10 000-user bench): deterministic names and emails, sign-ups spread over three
 * years, older than every demo user so the newest-first list still starts with the demo people.
 */
import { createIdGenerator } from '../ids.js';
import { newUser } from '../objects/user.js';
import type { SandboxState } from '../types.js';

const FIRST = [
  'Ana',
  'Ben',
  'Carla',
  'Dmitri',
  'Eva',
  'Felix',
  'Gina',
  'Hugo',
  'Iris',
  'Jonas',
  'Kira',
  'Leo',
  'Mina',
  'Nils',
  'Olga',
  'Pavel',
  'Rosa',
  'Theo',
  'Uma',
  'Vera',
];
const LAST = [
  'Adler',
  'Brandt',
  'Costa',
  'Dahl',
  'Evans',
  'Ferreira',
  'Gupta',
  'Holm',
  'Ibarra',
  'Jansen',
  'Kowalski',
  'Lind',
  'Moreau',
  'Novak',
  'Okafor',
  'Quist',
  'Ruiz',
  'Sato',
  'Varga',
  'Weber',
];
const DOMAINS = ['bulk-a.test', 'bulk-b.test', 'bulk-c.test', 'example.org', 'mail.test'];

const DAY = 86_400_000;

/** Append `count` generated users to `state` (in place) and return it. */
export function addGeneratedUsers(state: SandboxState, count: number, now: number): SandboxState {
  const ids = createIdGenerator(state);
  const span = 3 * 365 * DAY;
  const oldest = now - 420 * DAY - span;
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const createdAt = oldest + Math.floor((span * i) / Math.max(count, 1));
    state.users.push(
      newUser(ids, {
        createdAt,
        emails: [`${first}.${last}.${i}@${DOMAINS[i % DOMAINS.length]}`.toLowerCase()],
        firstName: first,
        lastName: last,
        passwordEnabled: true,
        lastSignInAt: i % 4 === 0 ? null : createdAt + DAY,
        lastActiveAt: i % 4 === 0 ? null : createdAt + DAY - ((createdAt + DAY) % DAY),
        publicMetadata: i % 10 === 0 ? { plan: 'pro' } : {},
      }),
    );
  }
  state.users.sort((a, b) => a.created_at - b.created_at);
  return state;
}
