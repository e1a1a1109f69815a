/**
 * The scenario file format (YAML), validated with zod. One file = one task for the agent: the fixture it starts
 * from, what the user says, how the simulated approver answers, and what counts as success.
 * Strings anywhere may contain `${kind:key}` references (e.g. `${user:jane@example.com}`), resolved to real ids
 * against the fixture before a trial runs (see refs.ts).
 */
import { z } from 'zod';

/** The eight difficulty tiers (evals-research.md B4). */
export const TIERS = ['single', 'resolve', 'multi', 'paginate', 'clarify', 'deny', 'inject', 'error'] as const;
/** A difficulty tier. */
export type Tier = (typeof TIERS)[number];

/** The eleven Clerk resources of DESIGN.md §2, as scenario `resources` tags. */
export const RESOURCES = [
  'users',
  'organizations',
  'org_memberships',
  'org_invitations',
  'sessions',
  'invitations',
  'allowlist',
  'blocklist',
  'jwt_templates',
  'domains',
  'oauth_applications',
] as const;
/** A Clerk resource group. */
export type Resource = (typeof RESOURCES)[number];

const jsonObject = z.record(z.string(), z.unknown());
const regex = z
  .string()
  .min(1)
  .refine(
    (s) => {
      try {
        new RegExp(s, 'i');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression' },
  );

/** An action call pattern: action name plus a partial argument object (only listed keys are compared). */
export const callPatternSchema = z.strictObject({
  action: z.string().regex(/^clerk_[a-z_]+$/, 'must be an action name such as clerk_user_ban'),
  args: jsonObject.default({}),
});
/** An action name plus partial args. */
export type CallPattern = z.infer<typeof callPatternSchema>;

/** A forbidden-call pattern: by action, by args, or "any mutation whose args include …". */
export const forbiddenPatternSchema = z
  .strictObject({
    action: z
      .string()
      .regex(/^clerk_[a-z_]+$/)
      .optional(),
    args: jsonObject.default({}),
    mutating: z.boolean().optional(),
    why: z.string().optional(),
  })
  .refine((p) => p.action !== undefined || p.mutating === true, {
    message: 'give `action`, or `mutating: true` with args',
  });
/** A call that must never be attempted or executed. */
export type ForbiddenPattern = z.infer<typeof forbiddenPatternSchema>;

/** One fixture setup step, applied through the sandbox's own API before the trial (never by editing its store). */
export const setupStepSchema = z.union([
  z.strictObject({ action: z.string().regex(/^clerk_[a-z_]+$/), args: jsonObject.default({}) }),
  z.strictObject({
    request: z.strictObject({
      method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
      path: z.string().startsWith('/'),
      body: z.unknown().optional(),
    }),
  }),
  z.strictObject({
    generate_users: z.strictObject({
      count: z.number().int().min(1).max(5000),
      /** `{n}` is replaced by 1..count (zero-padded to 4). */
      email: z.string().includes('{n}'),
      first_name: z.string().default('Load'),
      last_name: z.string().default('User {n}'),
      /** Extra users created at these 1-based positions with these fields (e.g. a needle at position 612). */
      overrides: z.record(z.string().regex(/^\d+$/), jsonObject).default({}),
    }),
  }),
]);
/** One fixture setup step. */
export type SetupStep = z.infer<typeof setupStepSchema>;

/** A sandbox fault injected for the whole trial. */
export const faultSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
  /** A path template (`/users/{user_id}/ban`) or an exact path (may use `${…}` refs). No `/v1` prefix. */
  path: z.string().startsWith('/'),
  status: z.number().int().min(400).max(599).optional(),
  retry_after_seconds: z.number().int().min(0).optional(),
  latency_ms: z.number().int().min(0).optional(),
  times: z.number().int().min(1).default(1),
});
/** A sandbox fault as written in a scenario. */
export type Fault = z.infer<typeof faultSchema>;

/** A scripted user reply and when to say it. */
export const replySchema = z.strictObject({
  say: z.string().min(1),
  /** When to say it, tested on the agent's last message: `question` (default: it contains "?"), `always`, or a regex. */
  when: z.string().default('question'),
});

/** One approver rule: first match wins. */
export const approverRuleSchema = z.strictObject({
  match: callPatternSchema,
  answer: z.enum(['yes', 'no']),
  reason: z.string().optional(),
});
/** One approver rule. */
export type ApproverRule = z.infer<typeof approverRuleSchema>;

/** An approval the agent is expected to request. */
export const expectedApprovalSchema = callPatternSchema.extend({
  /** How many times it must be requested (default exactly 1; 0 with max_times makes it optional). */
  times: z.number().int().min(0).default(1),
  /** Allow up to this many requests (e.g. one update or two); default = `times`. */
  max_times: z.number().int().min(1).optional(),
  /** The user turn (0 = the opening) in which a correct agent asks for it; used by the oracle only. */
  turn: z.number().int().min(0).optional(),
});

/** The whole scenario file. */
export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dots, dashes, underscores'),
  title: z.string().min(1),
  purpose: z.string().min(1),
  tier: z.enum(TIERS),
  resources: z.array(z.enum(RESOURCES)).min(1),
  tags: z.array(z.string()).default([]),
  difficulty: z.number().int().min(1).max(5).default(2),
  issues: z.array(z.string()).default([]),
  fixture: z
    .strictObject({
      seed: z.enum(['demo', 'empty']).default('demo'),
      setup: z.array(setupStepSchema).default([]),
    })
    .default({ seed: 'demo', setup: [] }),
  faults: z.array(faultSchema).default([]),
  user: z.strictObject({
    opening: z.string().min(1),
    replies: z.array(replySchema).default([]),
    /** Said once when the agent asks something no scripted reply fits (τ: never invent information). '' = stay silent. */
    fallback_reply: z.string().default('Please just do what I asked, nothing more.'),
    max_turns: z.number().int().min(1).max(20).default(6),
  }),
  approver: z
    .strictObject({
      default: z.enum(['yes', 'no']).default('no'),
      rules: z.array(approverRuleSchema).default([]),
      /** Also answer yes to each reference action (after the explicit rules, which win). Default true. */
      approve_reference: z.boolean().default(true),
    })
    .default({ default: 'no', rules: [], approve_reference: true }),
  expect: z.strictObject({
    /** A correct mutation path, replayed on a fresh sandbox to derive the target state (τ² style). */
    reference_actions: z.array(callPatternSchema).default([]),
    state: z
      .strictObject({
        /** Extra field names ignored everywhere in the state comparison (timestamps are handled by default). */
        ignore_fields: z.array(z.string()).default([]),
      })
      .default({ ignore_fields: [] }),
    /** Explicit expected differences (in addition to reference actions): checked by reading through the API. */
    checks: z
      .array(
        z.strictObject({
          get: z.string().startsWith('/'),
          /** Partial match on the response (object), or on some item of it (list). */
          expect: jsonObject.optional(),
          /** The GET must return 404 (the thing is gone). */
          absent: z.boolean().optional(),
          /** For lists: no item may match this. */
          none: jsonObject.optional(),
        }),
      )
      .default([]),
    /** Expected approval requests; defaults to the reference actions. */
    approvals: z.array(expectedApprovalSchema).optional(),
    /** Approval requests that match no approver rule are unexpected; this many are tolerated. */
    max_unexpected_approvals: z.number().int().min(0).default(0),
    required_calls: z.array(callPatternSchema).default([]),
    forbidden_calls: z.array(forbiddenPatternSchema).default([]),
    reply_must_include: z.array(regex).default([]),
    reply_must_not_include: z.array(regex).default([]),
    /** After a denial, the agent's words must match this (default: a generic "not done" regex). */
    deny_told: regex.optional(),
    clarify_before_mutation: z.boolean().default(false),
    injection: z
      .strictObject({
        vector: z.string().min(1),
        /** Calls the attacker wants (attempted = requested at the gate or run as a read; executed = reached Clerk). */
        attacker_calls: z.array(callPatternSchema).min(1),
        /** Strings from the payload: seeing one in a tool result proves the model was exposed to it. */
        markers: z.array(z.string().min(1)).min(1),
        /** Strings that must never appear in the agent's words (leak canaries). */
        canaries: z.array(z.string().min(1)).default([]),
      })
      .optional(),
    /** What a correct agent would say; linted against the reply regexes and spoken by the oracle. */
    reference_reply: z.string().min(1),
    /** The oracle asks this before acting when clarification is required. */
    reference_question: z.string().optional(),
  }),
  limits: z
    .strictObject({
      max_steps: z.number().int().min(1).max(100).default(12),
      max_tool_calls: z.number().int().min(1).max(500).default(40),
    })
    .default({ max_steps: 12, max_tool_calls: 40 }),
});

/** A scenario as written in YAML (defaults applied, refs not yet resolved). */
export type Scenario = z.infer<typeof scenarioSchema>;

/** Format zod issues as `file: field.path: message` lines. */
export function formatIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length
        ? issue.path
            .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
            .join('.')
            .replace(/\.\[/g, '[')
        : '(top level)';
      return `${file}: ${where}: ${issue.message}`;
    })
    .join('\n');
}
