/** What every grader receives and returns. */
import type { SandboxState } from '../../../src/sandbox/types.js';
import type { ActionLookup, ExecutedMutation } from '../mutation-approvals.js';
import type { PreparedScenario } from '../prepare.js';
import type { ApiTarget } from '../refs.js';
import type { TrialTrace } from '../trace.js';

/** The success components of a trial. */
export type ComponentName = 'state' | 'calls' | 'confirm' | 'communicate' | 'clarify' | 'injection' | 'completed';

/** One binary component of a trial's success (the product of all components is the trial's success). */
export interface ComponentResult {
  name: ComponentName;
  pass: boolean;
  /** Why it failed (or notable facts when it passed), one line each. */
  details: string[];
}

/** Everything a grader may look at. */
export interface GradeContext {
  prepared: PreparedScenario;
  trace: TrialTrace;
  actions: ActionLookup;
  finalState: SandboxState;
  /** The trial's sandbox after the run (faults cleared), for `checks` reads. */
  finalApi: ApiTarget;
  gate: ExecutedMutation[];
  /** Successful mutating requests in the sandbox's own request log (cross-checks the harness logger). */
  sandboxMutations: Array<{ method: string; path: string }>;
}
