/**
 * The planner: from the conversation (request, answers, results so far) to the next step — read calls,
 * mutation calls, a clarifying question, or the final answer. Pure and deterministic.
 */
import { planMembersBulk } from './org-members-bulk.js';
import { planValueSwap } from './value-swap.js';
import { planValueQuestion } from './value-question.js';
import { say } from './mutation-step.js';
import type { Turn } from './conversation.js';
import { helpText, notUnderstood } from './examples.js';
import type { Intent } from './intent-types.js';
import { understand, unplacedNote } from './accounting.js';
import { planBulkUserAction } from './bulk.js';
import { planInvitationByInviter, planRolesEveryOrg, planUserWhen } from './two-lookups.js';
import { executedChanges, truthfulText, withoutNothingChanged } from './truthful.js';
import { planSequence } from './plan-sequence.js';
import { pastedNote } from './quoted.js';
import { PlanContext, type PlanStep } from './plan-context.js';
import {
  planListAdd,
  planListEntries,
  planListRemove,
  planSessionGet,
  planSessionRevoke,
  planSessionsList,
  planSignOut,
} from './plan-access.js';
import { planNamedCreate, planNamedDelete, planNamedGet, planNamedList, planNamedUpdate } from './plan-named.js';
import {
  planInvitationRevoke,
  planInvitationsList,
  planInvite,
  planOrgInvitationRevoke,
  planOrgInvitationsList,
} from './plan-invitations.js';
import {
  planMembersList,
  planMembershipAdd,
  planMembershipGet,
  planMembershipRemove,
  planMembershipSetRole,
} from './plan-members.js';
import { planOrgCreate, planOrgDelete, planOrgGet, planOrgsList, planOrgUpdate } from './plan-orgs.js';
import { planReinvite } from './plan-reinvite.js';
import { planSessionRevokeDevice } from './plan-session-device.js';
import { planRenameAny } from './plan-rename.js';
import {
  planRestoreSignIn,
  planUserAction,
  planUserCreate,
  planUserLookup,
  planUsersList,
  planUserUpdate,
} from './plan-users.js';

/** Decides the next step for `turn`. `tools` = names offered to the model (empty = all). */
export function planStep(turn: Turn, tools: ReadonlySet<string>, now: number): PlanStep {
  if (turn.cancelled)
    return say(
      executedChanges(turn).length > 0
        ? 'OK, I stopped there. The changes already made above stand; nothing more was changed.'
        : 'OK, I stopped there. Nothing was changed.',
    );
  if (turn.nothingToRetry)
    return say('Nothing failed in your last request, so there is nothing to retry. Tell me what you would like to do.');
  const { intent, unplaced } = understand(turn.request, now);
  const note = [unplacedNote(unplaced), pastedNote(turn.request)].filter((n) => n !== '').join('\n');
  const outcome = withNote(planIntent(new PlanContext(turn, tools, now), intent), note);
  if (outcome.kind === 'say') return say(truthfulText(outcome.text, turn));
  // A plan with calls is about to change something: a step's "Nothing was changed" would contradict it.
  return outcome.text === undefined ? outcome : { ...outcome, text: withoutNothingChanged(outcome.text) };
}

const APPROVAL_LINE = /\n?(?:This|Each) needs your approval\.$/;

/** Every answer of the request, and the plan shown before approval, carry the note about unplaced clauses. */
function withNote(outcome: PlanStep, note: string): PlanStep {
  if (!note) return outcome;
  if (outcome.kind === 'say')
    return say(outcome.text.trim().endsWith('?') ? `${note}\n${outcome.text}` : `${outcome.text}\n${note}`);
  if (outcome.text === undefined) return outcome;
  const approval = outcome.text.match(APPROVAL_LINE)?.[0] ?? '';
  return { ...outcome, text: `${outcome.text.slice(0, outcome.text.length - approval.length)}\n${note}${approval}` };
}

/** Dispatches one intent to its plan. */
function planIntent(ctx: PlanContext, intent: Intent): PlanStep {
  switch (intent.kind) {
    case 'help':
      return say(helpText());
    case 'smalltalk':
      return say(intent.reply);
    case 'refuse':
      return say(intent.reason);
    case 'unknown':
      return say(notUnderstood(intent.topic, intent.reason ? `${intent.reason}` : undefined));
    case 'users_list':
      return planUsersList(ctx, intent);
    case 'user_lookup':
      return planUserLookup(ctx, intent);
    case 'user_create':
      return planUserCreate(ctx, intent);
    case 'user_update':
      return planUserUpdate(ctx, intent);
    case 'user_action':
      return planUserAction(ctx, intent);
    case 'user_restore_sign_in':
      return planRestoreSignIn(ctx, intent);
    case 'rename_any':
      return planRenameAny(ctx, intent);
    case 'sign_out':
      return planSignOut(ctx, intent);
    case 'sessions_list':
      return planSessionsList(ctx, intent);
    case 'session_get':
      return planSessionGet(ctx, intent);
    case 'session_revoke':
      return planSessionRevoke(ctx, intent);
    case 'reinvite':
      return planReinvite(ctx, intent);
    case 'session_revoke_device':
      return planSessionRevokeDevice(ctx, intent);
    case 'orgs_list':
      return planOrgsList(ctx, intent);
    case 'org_get':
      return planOrgGet(ctx, intent);
    case 'org_create':
      return planOrgCreate(ctx, intent);
    case 'org_update':
      return planOrgUpdate(ctx, intent);
    case 'org_delete':
      return planOrgDelete(ctx, intent);
    case 'members_list':
      return planMembersList(ctx, intent);
    case 'membership_get':
      return planMembershipGet(ctx, intent);
    case 'membership_add':
      return planMembershipAdd(ctx, intent);
    case 'membership_set_role':
      return planMembershipSetRole(ctx, intent);
    case 'membership_remove':
      return planMembershipRemove(ctx, intent);
    case 'org_invitations_list':
      return planOrgInvitationsList(ctx, intent);
    case 'invite':
      return planInvite(ctx, intent);
    case 'org_invitation_revoke':
      return planOrgInvitationRevoke(ctx, intent);
    case 'invitations_list':
      return planInvitationsList(ctx, intent);
    case 'invitation_revoke':
      return planInvitationRevoke(ctx, intent);
    case 'list_entries':
      return planListEntries(ctx, intent);
    case 'list_add':
      return planListAdd(ctx, intent);
    case 'list_remove':
      return planListRemove(ctx, intent);
    case 'named_list':
      return planNamedList(ctx, intent);
    case 'named_get':
      return planNamedGet(ctx, intent);
    case 'named_create':
      return planNamedCreate(ctx, intent);
    case 'named_update':
      return planNamedUpdate(ctx, intent);
    case 'named_delete':
      return planNamedDelete(ctx, intent);
    case 'bulk_user_action':
      return planBulkUserAction(ctx, intent);
    case 'roles_every_org':
      return planRolesEveryOrg(ctx, intent);
    case 'user_when':
      return planUserWhen(ctx, intent);
    case 'invitation_by_inviter':
      return planInvitationByInviter(ctx, intent);
    case 'org_members_bulk':
      return planMembersBulk(ctx, intent);
    case 'value_swap':
      return planValueSwap(ctx, intent);
    case 'value_question':
      return planValueQuestion(ctx, intent);
    case 'sequence':
      return planSequence(ctx, intent.steps, planIntent);
  }
}
