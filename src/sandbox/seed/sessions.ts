/**
 * Seeded sessions (no action creates one): Dave Miller has three active sessions on three devices, the banned
 * user's sessions are revoked, and a spread of active/ended/expired sessions covers everyone else who signs in.
 */
import { newSession, type DeviceInput } from '../objects/instance-resources.js';
import type { SessionStatus, UserRecord } from '../types.js';
import type { SeedContext } from './demo.js';
import { OTHER_PEOPLE } from './people.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const DEVICES: readonly DeviceInput[] = [
  {
    device: 'Macintosh',
    mobile: false,
    browser: 'Chrome',
    version: '131.0.0.0',
    ip: '203.0.113.10',
    city: 'San Francisco',
    country: 'US',
  },
  {
    device: 'iPhone',
    mobile: true,
    browser: 'Safari',
    version: '18.1',
    ip: '198.51.100.23',
    city: 'New York',
    country: 'US',
  },
  {
    device: 'Windows',
    mobile: false,
    browser: 'Firefox',
    version: '133.0',
    ip: '192.0.2.45',
    city: 'Austin',
    country: 'US',
  },
  {
    device: 'Windows',
    mobile: false,
    browser: 'Edge',
    version: '131.0.0.0',
    ip: '203.0.113.77',
    city: 'London',
    country: 'GB',
  },
  {
    device: 'Android',
    mobile: true,
    browser: 'Chrome Mobile',
    version: '131.0.0.0',
    ip: '198.51.100.90',
    city: 'Berlin',
    country: 'DE',
  },
  {
    device: 'Linux',
    mobile: false,
    browser: 'Firefox',
    version: '128.0',
    ip: '192.0.2.200',
    city: 'Amsterdam',
    country: 'NL',
  },
];

function add(
  ctx: SeedContext,
  user: UserRecord,
  status: SessionStatus,
  lastActiveHoursAgo: number,
  device: DeviceInput,
): void {
  const lastActiveAt = Math.max(user.created_at, ctx.now - lastActiveHoursAgo * HOUR);
  const createdAt = Math.max(user.created_at, lastActiveAt - 3 * DAY);
  const orgId = ctx.state.memberships.find((m) => m.user_id === user.id)?.organization_id ?? null;
  const session = newSession(ctx.ids, { userId: user.id, status, createdAt, lastActiveAt, device, orgId });
  if (status !== 'active') session.updated_at = lastActiveAt + HOUR;
  ctx.state.sessions.push(session);
}

/** Add the demo sessions to the state. */
export function seedSessions(ctx: SeedContext): void {
  const u = (email: string) => ctx.user(email);
  add(ctx, u('dave@acme.test'), 'active', 1, DEVICES[0]!);
  add(ctx, u('dave@acme.test'), 'active', 5, DEVICES[1]!);
  add(ctx, u('dave@acme.test'), 'active', 30, DEVICES[2]!);
  add(ctx, u('jane@example.com'), 'active', 20, DEVICES[3]!);
  add(ctx, u('jane@example.com'), 'ended', 24 * 9, DEVICES[1]!);
  add(ctx, u('alice@acme.test'), 'active', 2, DEVICES[0]!);
  add(ctx, u('bob@globex.test'), 'active', 40, DEVICES[2]!);
  add(ctx, u('bob@globex.test'), 'expired', 24 * 20, DEVICES[4]!);
  add(ctx, u('sam.taylor@globex.test'), 'revoked', 24 * 20, DEVICES[3]!);
  add(ctx, u('sam.taylor@globex.test'), 'revoked', 24 * 21, DEVICES[1]!);
  add(ctx, u('lee@initech.test'), 'ended', 24 * 5, DEVICES[5]!);
  add(ctx, u('mallory@evil.test'), 'active', 22, DEVICES[5]!);
  OTHER_PEOPLE.forEach((p, i) => {
    if (!p.email || p.active === null || p.active === undefined) return;
    const user = u(p.email);
    const device = DEVICES[i % DEVICES.length]!;
    if (p.banned) add(ctx, user, 'revoked', 24 * (p.active + 1), device);
    else if (i % 3 === 0 && p.active <= 14) add(ctx, user, 'active', 24 * p.active + 3, device);
    else if (i % 5 === 1) add(ctx, user, 'ended', 24 * (p.active + 2), device);
    else if (i % 7 === 2) add(ctx, user, 'removed', 24 * (p.active + 4), device);
  });
}
