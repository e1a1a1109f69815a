/**
 * Builds requests the way Slack sends them, for tests and benchmarks: a signature over `v0:<timestamp>:<body>`
 * with the signing secret (HMAC-SHA256), events as JSON, interactions and slash commands as form bodies.
 */
import { createHmac } from 'node:crypto';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export interface SignOptions {
  /** Seconds since the epoch (default now). */
  timestamp?: number;
  /** Sign with this secret instead (a forgery). */
  secret?: string;
  retryNum?: number;
}

function signed(secret: string, body: string, contentType: string, options: SignOptions): SignedRequest {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(options.secret ?? secret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return { body, headers };
}

/** An Events API delivery (`event_callback`). */
export function signedEvent(
  secret: string,
  event: Record<string, unknown>,
  eventId: string,
  options: SignOptions = {},
) {
  const body = JSON.stringify({
    token: 'legacy-unused',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  });
  return signed(secret, body, 'application/json', options);
}

/** An interaction (button click, view submission): `payload=<json>`. */
export function signedInteraction(secret: string, payload: Record<string, unknown>, options: SignOptions = {}) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return signed(secret, body, 'application/x-www-form-urlencoded', options);
}

/** A slash command (form fields). */
export function signedCommand(secret: string, fields: Record<string, string>, options: SignOptions = {}) {
  return signed(secret, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

/** POSTs a signed request to the bot; returns the status and body text. */
export async function post(url: string, request: SignedRequest): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  return { status: res.status, text: await res.text() };
}
