/**
 * The agent's error tree. Tool problems never become exceptions (they are tool results the model reads); these
 * classes are for the code that calls the agent: a state it cannot trust, a turn that ran out of steps.
 */

/** Base class: `name` is the concrete class name so logs and front ends can tell them apart. */
export class AgentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A saved RunState that is malformed, of another version, or was modified after it was saved. */
export class RunStateError extends AgentError {}

/** The model kept calling tools past `maxStepsPerTurn`; the turn was ended without its final answer. */
export class MaxTurnsError extends AgentError {
  constructor(readonly maxSteps: number) {
    super(
      `Stopped after ${maxSteps} model steps in one turn without a final answer (maxStepsPerTurn=${maxSteps}; ` +
        'raise CLERK_AGENT_MAX_STEPS or ask for less at once).',
    );
  }
}

/** The run was cancelled through its AbortSignal. */
export class CancelledError extends AgentError {
  constructor() {
    super('Cancelled before the turn finished.');
  }
}
