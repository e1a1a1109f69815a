/**
 * The console's conversations and their runs, on the shared approval queue. A message runs the agent; a paused run
 * becomes change requests (requester: the browser's identity); a decision from any browser (or from Slack, the
 * terminal, `clerk-agent approvals`) is applied by the queue under the policy; when a run has no pending request
 * left, this process executes it through the queue (one claim wins) and appends the truthful summary to the
 * conversation it belongs to. Everything that changes is announced to the live-update listeners.
 */
import { randomBytes } from 'node:crypto';
import type { AgentEvent, RunOutcome, RunState } from '../../agent/types.js';
import type { ApprovalService } from '../../approvals/service.js';
import type { ChangeRequest, Identity } from '../../approvals/types.js';
import { describeIdentity, formatIdentity } from '../../approvals/identity.js';
import type { Agent } from '../../agent/types.js';
import { type CardView, toCardView } from './card-view.js';

export interface WebMessage {
  id: number;
  role: 'user' | 'agent' | 'progress' | 'card' | 'summary' | 'error';
  text: string;
  at: string;
  by?: string;
  /** For role 'card': the change request. */
  requestId?: string;
}

export interface Conversation {
  id: string;
  title: string;
  createdBy: string;
  messages: WebMessage[];
  state?: RunState;
  /** The run waiting on change requests, if any. */
  runId?: string;
  /** Who asked for that run (the requester of its change requests, and of any follow-up pause). */
  requester?: Identity;
  busy: boolean;
}

export type HubEvent =
  | { type: 'message'; conversationId: string; message: WebMessage }
  | { type: 'conversation'; conversationId: string }
  /** A change request changed (decided, executed, expired…) here or in another process; `requestId` when known. */
  | { type: 'requests'; requestId?: string };

export interface ConsoleHub {
  list(): Conversation[];
  get(id: string): Conversation | undefined;
  create(by: Identity, title?: string): Conversation;
  /** Runs one request in a conversation; resolves when the turn is done or paused on approvals. */
  send(conversationId: string, text: string, by: Identity, onMessage?: (m: WebMessage) => void): Promise<void>;
  decide(
    requestId: string,
    input: { approve: boolean; reason?: string; argsDigest?: string },
    by: Identity,
  ): Promise<{ ok: boolean; message: string; status?: string }>;
  card(requestId: string): Promise<CardView | undefined>;
  pending(): Promise<CardView[]>;
  /** One pass: expire stale requests and execute runs of ours that nobody is waiting on any more. */
  tick(): Promise<void>;
  subscribe(listener: (event: HubEvent) => void): () => void;
  close(): void;
}

export interface HubDeps {
  agent: Agent;
  approvals: ApprovalService;
  /** How often tick() runs by itself (0 = never; tests call tick()). */
  tickMs?: number;
  now?: () => Date;
}

const MAX_CONVERSATIONS = 200;
const UNKNOWN_REQUESTER: Identity = { via: 'web', id: 'unknown', name: 'unknown' };
const MAX_TEXT = 4_000;

export function createConsoleHub(deps: HubDeps): ConsoleHub {
  const { agent, approvals } = deps;
  const now = deps.now ?? (() => new Date());
  const conversations = new Map<string, Conversation>();
  const listeners = new Set<(event: HubEvent) => void>();
  let nextMessage = 1;

  const announce = (event: HubEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A broken stream must not stop the others.
      }
    }
  };

  const add = (c: Conversation, role: WebMessage['role'], text: string, extra: Partial<WebMessage> = {}) => {
    const message: WebMessage = { id: nextMessage++, role, text, at: now().toISOString(), ...extra };
    c.messages.push(message);
    announce({ type: 'message', conversationId: c.id, message });
    return message;
  };

  const progressOf = (event: AgentEvent): string | undefined => {
    switch (event.type) {
      case 'tool_start':
        return `${event.risk === 'read' ? 'Looking up' : 'Preparing'}: ${event.action}`;
      case 'tool_end':
        return event.ok ? undefined : `${event.action} failed: ${event.error ?? 'error'}`;
      case 'error':
        return event.message;
      default:
        return undefined;
    }
  };

  /** Handles a finished or paused outcome: summary, or cards for the new change requests. */
  const settle = async (c: Conversation, outcome: RunOutcome, by: Identity, emit?: (m: WebMessage) => void) => {
    // Every message is recorded in the conversation; it is also streamed when the turn has a live stream.
    const say = (role: WebMessage['role'], text: string, extra: Partial<WebMessage> = {}) => {
      const m = add(c, role, text, extra);
      emit?.(m);
    };
    c.state = outcome.state;
    if (outcome.status === 'paused') {
      const requests = await approvals.submitRun(outcome, { requester: by, conversationId: c.id });
      c.runId = requests[0]?.runId ?? undefined;
      c.requester = by;
      for (const r of requests) say('card', r.preview.text, { requestId: r.id, by: describeIdentity(by) });
      announce({ type: 'requests' });
      return;
    }
    c.runId = undefined;
    if (outcome.status === 'error') {
      say('error', outcome.error);
      return;
    }
    const { summary } = outcome;
    if (summary.modelText.trim()) say('agent', summary.modelText.trim());
    if (summary.line) say('summary', summary.line);
  };

  const executeRun = async (c: Conversation, runId: string) => {
    const result = await approvals.execute(runId);
    if (!result.ok) {
      // Someone else claimed it (this process's poll, another replica) or it is not ready: the queue's status says
      // which, and the poll delivers the outcome if it ran here.
      if (result.code !== 'busy' && result.code !== 'not_ready' && result.code !== 'finished')
        add(c, 'error', result.message);
      return;
    }
    await settle(c, result.outcome, c.requester ?? UNKNOWN_REQUESTER);
    announce({ type: 'conversation', conversationId: c.id });
  };

  let ticking = false;
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      // One poll pass of the queue: expiry, heartbeats for this console's waiting runs (so no other process takes
      // them over), executions of dead processes marked unknown, and the decided runs this process owns executed
      // once. Changes reach the live updates through onChange; outcomes of our runs go to their conversations.
      const report = await approvals.poll();
      for (const { id, outcome } of report.outcomes) {
        const c = [...conversations.values()].find((x) => x.runId === id);
        if (!c) continue;
        await settle(c, outcome, c.requester ?? UNKNOWN_REQUESTER);
        announce({ type: 'conversation', conversationId: c.id });
      }
    } finally {
      ticking = false;
    }
  };

  const timer = deps.tickMs ? setInterval(() => void tick().catch(() => {}), deps.tickMs) : undefined;
  timer?.unref();
  const stopChanges = approvals.onChange((r) => announce({ type: 'requests', requestId: r.id }));

  return {
    list: () => [...conversations.values()],
    get: (id) => conversations.get(id),

    create(by, title) {
      if (conversations.size >= MAX_CONVERSATIONS) {
        const oldest = [...conversations.values()].find((c) => !c.runId && !c.busy);
        if (oldest) conversations.delete(oldest.id);
      }
      const c: Conversation = {
        id: `c_${randomBytes(6).toString('hex')}`,
        title: (title ?? 'New conversation').slice(0, 80),
        createdBy: formatIdentity(by),
        messages: [],
        busy: false,
      };
      conversations.set(c.id, c);
      announce({ type: 'conversation', conversationId: c.id });
      return c;
    },

    async send(conversationId, text, by, onMessage) {
      const c = conversations.get(conversationId);
      if (!c) throw new HubError(404, 'Unknown conversation.');
      const input = text.trim();
      if (!input) throw new HubError(400, 'Type a request first.');
      if (input.length > MAX_TEXT) throw new HubError(413, `A request is at most ${MAX_TEXT} characters.`);
      if (c.busy) throw new HubError(409, 'This conversation is still working on the last request.');
      if (c.runId) {
        throw new HubError(409, 'This conversation is waiting for approvals; decide them (or deny) first.');
      }
      c.busy = true;
      try {
        if (c.messages.length === 0) c.title = input.slice(0, 60);
        const progress = (text: string) => {
          const m = add(c, 'progress', text);
          onMessage?.(m);
        };
        const asked = add(c, 'user', input, { by: describeIdentity(by) });
        onMessage?.(asked);
        // The model's words before a tool call are its plan (shown as progress); its last words are the answer,
        // shown once by settle().
        let said: string | undefined;
        const outcome = await agent.run(input, {
          ...(c.state ? { state: c.state } : {}),
          requester: formatIdentity(by),
          onEvent: (event) => {
            if (event.type === 'assistant_text') {
              said = event.text;
              return;
            }
            if (event.type === 'tool_start' && said) {
              progress(said);
              said = undefined;
            }
            const line = progressOf(event);
            if (line) progress(line);
          },
        });
        await settle(c, outcome, by, onMessage);
      } finally {
        c.busy = false;
      }
    },

    async decide(requestId, input, by) {
      const result = await approvals.decide(requestId, input, by);
      announce({ type: 'requests', requestId });
      if (!result.ok) return { ok: false, message: result.message };
      const request = result.request;
      const c = request.conversationId ? conversations.get(request.conversationId) : undefined;
      if (result.ready && c?.runId && c.runId === request.runId && !c.busy) {
        c.busy = true;
        try {
          await executeRun(c, c.runId);
        } finally {
          c.busy = false;
        }
      } else if (result.ready && !c) {
        // Not a conversation of this console (raised by an MCP client, the terminal, Slack, or by this console before
        // a restart): the queue runs it here only if the process that raised it is gone (or it stands alone);
        // otherwise that process carries it out. Either way it runs once.
        await approvals.executeIfOrphaned(requestId);
        announce({ type: 'requests', requestId });
      }
      const latest = (await approvals.get(requestId)) ?? request;
      return { ok: true, message: approvals.statusText(latest), status: latest.status };
    },

    async card(requestId) {
      const card = await approvals.card(requestId);
      return card ? toCardView(card) : undefined;
    },

    async pending() {
      const open: ChangeRequest[] = await approvals.list({ status: ['pending'] });
      const cards = await Promise.all(open.map((r) => approvals.card(r.id)));
      return cards.filter((c) => c !== undefined).map(toCardView);
    },

    tick,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close() {
      if (timer) clearInterval(timer);
      stopChanges();
      listeners.clear();
    },
  };
}

/** A client error with its HTTP status. */
export class HubError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}
