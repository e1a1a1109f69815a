/**
 * The start-up banner: which backend, which model, where data lives, and three things to type.
 */
import { liveWarning } from './card.js';
import type { Colors } from './colors.js';

/** What the banner reports. */
export interface BannerInfo {
  backendLabel: string;
  modelName: string;
  dataDir: string;
  live: boolean;
  dryRun: boolean;
  /** True for the local sandbox (its examples name seeded users). */
  sandbox: boolean;
}

/** Three requests to try; the sandbox's seed data makes these work as typed. */
export const EXAMPLES = [
  'list banned users',
  'ban jane@example.com',
  'invite bob@globex.test to Acme as admin',
] as const;
/** Examples for a real instance, whose users we do not know. */
const REMOTE_EXAMPLES = ['list banned users', 'who signed up this week?', 'show the organizations'] as const;

/** The banner as lines. */
export function renderBanner(info: BannerInfo, c: Colors): string[] {
  const lines = [
    `${c.bold('clerk-agent')} — administer Clerk in plain language. Every change waits for your yes.`,
    `  ${c.dim('backend')}  ${info.backendLabel}`,
    `  ${c.dim('model')}    ${info.modelName}`,
    `  ${c.dim('data')}     ${info.dataDir}`,
  ];
  if (info.dryRun)
    lines.push(`  ${c.yellow('dry run: changes are previewed and approved but never executed (/dry-run off)')}`);
  if (info.live) lines.push(`  ${liveWarning(c)}`);
  const examples = info.sandbox ? EXAMPLES : REMOTE_EXAMPLES;
  lines.push(`  ${c.dim('try')}      ${examples.map((e) => c.cyan(e)).join(c.dim('  ·  '))}`);
  lines.push(`  ${c.dim('/help for commands · /exit or Ctrl-D to leave')}`);
  return lines;
}

/** One line for one-shot runs (`clerk-agent chat "…"`). */
export function renderHeader(info: BannerInfo, c: Colors): string[] {
  const head = `${c.dim('clerk-agent ·')} ${info.backendLabel} ${c.dim('·')} ${info.modelName}${info.dryRun ? c.yellow(' · dry run') : ''}`;
  return info.live ? [head, liveWarning(c)] : [head];
}
