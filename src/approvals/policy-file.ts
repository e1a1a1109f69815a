/**
 * The policy file (`clerk-agent.policy.yaml` in the working folder, or CLERK_AGENT_POLICY): parsed as YAML,
 * validated with zod, and every error names the line and the field, e.g.
 * `clerk-agent.policy.yaml:7: approvals.destructive: expected a whole number from 1 to 10`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { z } from 'zod';

// The YAML parser is loaded only when there is a policy file to read: most starts have none (~25 ms saved).
const requireModule = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => {
  yamlModule ??= requireModule('yaml') as typeof Yaml;
  return yamlModule;
};
import { ConfigError } from '../config.js';

/** A policy problem the user fixes in the file; the message names where. */
export class PolicyError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

export const DEFAULT_POLICY_FILE = 'clerk-agent.policy.yaml';

/** A reference to people: `*`, a user key, `group:<name>`, `via:id`, or `via:*`. */
const ref = z.string().trim().min(1, 'an empty name');
const refs = z.array(ref);
const tiers = <T extends z.ZodType>(value: T) =>
  z.object({ write: value.optional(), destructive: value.optional() }).strict();

export const policyFileSchema = z
  .object({
    version: z.literal(1).optional(),
    users: z
      .record(
        z.string().regex(/^[A-Za-z0-9_.-]+$/, 'user keys use letters, digits, _ . -'),
        z
          .object({
            name: z.string().min(1).optional(),
            identities: z
              .array(
                z.string().regex(/^(terminal|slack|mcp|web|eval|system):[^\s]+$/, 'expected via:id, e.g. slack:U012AB'),
              )
              .min(1, 'list at least one identity (via:id)'),
          })
          .strict(),
      )
      .optional(),
    groups: z
      .record(
        z.string().regex(/^[A-Za-z0-9_.-]+$/, 'group names use letters, digits, _ . -'),
        z
          .object({
            members: refs.optional(),
            /** Slack user group ids (S…): members are looked up by the Slack front end. */
            slack_usergroups: z
              .array(z.string().regex(/^S[A-Z0-9]+$/, 'a Slack user group id starts with S'))
              .optional(),
          })
          .strict(),
      )
      .optional(),
    /** Who may ask for changes. */
    request: refs.optional(),
    /** Who may approve, per risk tier. */
    approve: tiers(refs).optional(),
    /** Approvals needed, per risk tier. */
    approvals: tiers(z.number().int('expected a whole number').min(1).max(10)).optional(),
    /** May the requester approve their own change? `terminal` = only when they are the local terminal user. */
    self_approval: tiers(z.union([z.boolean(), z.literal('terminal')])).optional(),
    /** How long a request stays open: e.g. 30m, 24h, 7d. */
    expiry: z
      .string()
      .regex(/^\d+\s*(s|m|h|d)$/, 'expected a duration like 30m, 24h or 7d')
      .optional(),
  })
  .strict();

export type PolicyFile = z.infer<typeof policyFileSchema>;

/** Where the policy comes from: an explicit path (must exist), else the working folder's file if present. */
export function resolvePolicyPath(configured: string | undefined, cwd: string = process.cwd()): string | undefined {
  if (configured !== undefined) return path.resolve(cwd, configured);
  const local = path.join(cwd, DEFAULT_POLICY_FILE);
  return existsSync(local) ? local : undefined;
}

/** Reads and validates a policy file. Throws PolicyError naming line and field. */
export function readPolicyFile(file: string): PolicyFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new PolicyError(`Policy file ${file} cannot be read: check the path (CLERK_AGENT_POLICY) and permissions.`);
  }
  return parsePolicyText(text, path.basename(file));
}

/** Validates policy YAML text; `label` names the file in messages. */
export function parsePolicyText(text: string, label = DEFAULT_POLICY_FILE): PolicyFile {
  const { isNode, LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line;
    throw new PolicyError(`${label}:${line}: not valid YAML (${e.message.split('\n')[0]}).`);
  }
  const value = doc.toJS() ?? {};
  const parsed = policyFileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.slice(0, 3).map((issue) => {
    // Point at the deepest node that exists (an unknown key points at its map; a missing one at its parent).
    const keys = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    let line = 1;
    for (let n = keys.length; n >= 0; n--) {
      const node = doc.getIn(keys.slice(0, n) as Array<string | number>, true);
      if (isNode(node) && node.range) {
        line = lines.linePos(node.range[0]).line;
        break;
      }
      if (n > 0 && issue.code === 'unrecognized_keys') {
        // The key itself is not a value node; find the pair's key in its map.
        const parent = doc.getIn(keys.slice(0, n - 1) as Array<string | number>, true) as
          | { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> }
          | undefined;
        const pair = parent?.items?.find((p) => p.key?.value === keys[n - 1]);
        if (pair?.key?.range) {
          line = lines.linePos(pair.key.range[0]).line;
          break;
        }
      }
    }
    const field = keys.join('.') || '(top level)';
    const what = issue.code === 'unrecognized_keys' ? 'unknown field (check the spelling)' : issue.message;
    return `${label}:${line}: ${field}: ${what}`;
  });
  throw new PolicyError(messages.join('\n'));
}
