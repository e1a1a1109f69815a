/**
 * The planner's view of one step: look up results of calls already made (reads are requested when missing),
 * consume answers to clarifying questions in order, and know which tools exist. A plan is re-run from the start on
 * every model call; because it is deterministic, it reaches the same decision points in the same order.
 */
import { callKey, type Turn } from './conversation.js';
import type { Envelope } from './results.js';

/** A tool call the planner wants to make, with words for the plan and the summary. */
export interface Call {
  name: string;
  args: Record<string, unknown>;
  /** For mutations: "ban Jane Doe <jane@example.com>". */
  label?: string;
  /** For mutations: the past-tense line for the summary, given the result. */
  done?: (result: unknown) => string;
}

/** What the planner decided for this step: calls to make (reads, or mutations to propose), or words to say. */
export type PlanStep = { kind: 'calls'; calls: Call[]; text?: string } | { kind: 'say'; text: string };

/** Per-step planning state. */
export class PlanContext {
  readonly needs: Call[] = [];
  /** What the latest act() found: its calls still to run, all done, or some not done (set by mutation-step.ts). */
  acted: 'proposed' | 'done' | 'not_done' | undefined;
  private answerIndex = 0;

  constructor(
    readonly turn: Turn,
    readonly tools: ReadonlySet<string>,
    readonly now: number,
  ) {}

  /** The result of a read if it was made; otherwise records it as needed and returns undefined. */
  read(name: string, args: Record<string, unknown>): Envelope | undefined {
    const found = this.turn.results.get(callKey(name, args));
    if (found) return found;
    if (!this.needs.some((c) => callKey(c.name, c.args) === callKey(name, args))) this.needs.push({ name, args });
    return undefined;
  }

  /** The result of a call if it was made (never records a need). */
  result(name: string, args: Record<string, unknown>): Envelope | undefined {
    return this.turn.results.get(callKey(name, args));
  }

  /** The next unused answer to a clarifying question, if the user gave one. */
  answer(): string | undefined {
    return this.turn.answers[this.answerIndex++];
  }

  /** True when the tool list offered to the model contains `name` (an empty list means "all"). */
  has(name: string): boolean {
    return this.tools.size === 0 || this.tools.has(name);
  }

  /** The reads recorded so far as an outcome (call this when something returned "pending"). */
  pending(): PlanStep {
    const missing = this.needs.find((c) => !this.has(c.name));
    if (missing)
      return {
        kind: 'say',
        text: `I can't do that here: the ${missing.name} tool is not available in this session. Nothing was changed.`,
      };
    return { kind: 'calls', calls: [...this.needs] };
  }
}
