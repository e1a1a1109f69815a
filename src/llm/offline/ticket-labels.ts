/**
 * The labels a ticket or a pasted mail puts before the people who report, request or handle it ("Reporter:",
 * "Requested by:", "cc:"). Whoever such a label names asked for or watches the change; they are never whom its
 * steps or its pronouns mean (request.ts antecedents, listed-names.ts bystanders).
 */
export const TICKET_ROLE_WORDS =
  '(?:reporter|reported\\s+by|requester|requested\\s+by|raised\\s+by|submitted\\s+by|opened\\s+by|filed\\s+by|logged\\s+by|created\\s+by|assignee|assigned\\s+to|cc|bcc|watcher|approver|approved\\s+by|reporting\\s+to|reports\\s+to|reporting\\s+manager|line\\s+manager|manager|supervisor)';
