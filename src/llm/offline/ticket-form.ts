/**
 * A pasted service-desk form: "Number: …", "Priority: …", "Category: …", "Short description: …", "Description:"
 * and the like, one field a line. The record-keeping fields (number, priority, category, change window, rollback
 * plan …) are the desk's bookkeeping, never the request: their words ("Normal change", "Security > Containment",
 * "revert the config") would be read as asks. They go. The title field ("Short description", "Summary", "Title")
 * restates the ask in a headline's words ("Retire the shop domain", "Lock Ann's account"); when the form's
 * description asks for something itself, the description is the request and the headline goes too. Otherwise the
 * title stays: it may be the only ask ("Summary: set my username to …" above a description that tells the story).
 * Field values that name people (requester, affected user) are kept: they are read as context (ticket-labels.ts).
 */

// The bookkeeping fields of ITSM forms (ServiceNow, Jira Service Management, Zendesk, Freshservice, change requests).
const BOOKKEEPING =
  /^\s*(?:ticket\s+|change\s+|incident\s+|request\s+)?(?:number|no\.?|#|id|ref(?:erence)?|type(?=\s*:\s*(?:normal|standard|emergency|minor|major|service)?\s*(?:change|incident|request|problem)\b)|priority|impact|urgency|severity|risk(?:\s+level)?|state|status|category|sub-?category|configuration\s+item|ci|service|business\s+service|assignment\s+group|assigned\s+to|assignee|opened(?:\s+(?:at|on|by))?|created(?:\s+(?:at|on))?|updated|due(?:\s+date)?|sla|channel|contact\s+type|source|change\s+window|planned\s+(?:start|end)(?:\s+date)?|implementation\s+(?:date|window)|rollback(?:\s+plan)?|back-?out(?:\s+plan)?|test\s+plan|risk\s+and\s+impact|cab(?:\s+(?:date|approval))?|approval(?:\s+status)?|environment|labels?|tags?|components?)\s*:/i;

// The headline of the form.
const TITLE = /^\s*(?:short\s+desc(?:ription)?|summary|title|headline)\s*:/i;

// Where the form's own description starts ("Description:", "Change description:", "Details:").
const DESCRIPTION =
  /^\s*(?:(?:change|detailed|full|long|request|incident)\s+)?(?:description|details|request\s+details|details\s+of\s+(?:the\s+)?change)\s*:/i;

// Words by which a description asks for something of its own.
const ASKS =
  /\b(?:please|pls|plz|kindly|could\s+you|can\s+you|would\s+you|need\s+(?:you\s+)?to|needs\s+to|should\s+be|must\s+be|is\s+to\s+be|are\s+to\s+be|(?:we|i)\s+(?:want|need|would\s+like)\s+(?:you\s+)?to|requested?\s+(?:that|to))\b/i;

/** The pasted text without a form's bookkeeping fields, and without its title when it has a description. */
export function withoutFormFields(text: string): string {
  const lines = text.split('\n');
  const fields = lines.filter((l) => BOOKKEEPING.test(l) || TITLE.test(l)).length;
  // (One "Status: …" line in a chat is not a form: two fields or more make one.)
  if (fields < 2) return text;
  // (A description that only tells the story — "the user says the page loops forever" — leaves the ask in the
  // title: the title goes only when the description asks something itself.)
  const start = lines.findIndex((l) => DESCRIPTION.test(l) && !TITLE.test(l));
  const described = start >= 0 && ASKS.test(lines.slice(start).join(' '));
  return lines
    .filter((l) => !BOOKKEEPING.test(l) && !(described && TITLE.test(l)))
    .map((l) => l.replace(DESCRIPTION, ''))
    .join('\n');
}

// "App: Foo (OAuth application)" then "Requested change: PKCE must be required": a form that names the record on one
// line and the change on another. The change is read as said of that record.
const RECORD_FIELD =
  /^\s*(o-?auth\s+app(?:lication)?|application|app|organi[sz]ation|org|workspace|jwt\s+template|template|domain|user|account)\s*:\s*(.+?)\s*(?:\(([^()]{1,30})\))?\s*$/i;
const CHANGE_FIELD =
  /^\s*(?:change(?:\s+(?:required|requested|needed|description))?|requested\s+change|required\s+change|request|action(?:\s+required)?)\s*:\s*(.+?)\s*$/i;

/** The form's change line said of the record its other line names ("PKCE to be made mandatory for the Foo app"). */
export function withRecordOfChange(text: string): string {
  const lines = text.split('\n');
  const records = lines.map((l) => l.match(RECORD_FIELD)).filter((m) => m !== null);
  const changes = lines.filter((l) => CHANGE_FIELD.test(l));
  if (records.length !== 1 || changes.length !== 1) return text;
  const [line, noun, name, kind] = records[0]!;
  const said = `the ${name} ${(kind ?? noun ?? '').trim()}`;
  return lines
    .filter((l) => l !== line)
    .map((l) => l.replace(CHANGE_FIELD, (_m, change: string) => `${change.replace(/[.;]$/, '')} for ${said}.`))
    .join('\n');
}
