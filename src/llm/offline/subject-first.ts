/**
 * The person said first, alone, and the requests after it with no object of their own: "ann@x.test\n- unlock\n-
 * sign out everywhere", "Re Ann Lee: unlock, then ban", "ann@x.test -> unlock pls". Each bare request acts on that
 * person (the same reading "X: please ban" has in request-form.ts, for any number of steps). Only when the first
 * part is nothing but a reference (an address, id or capitalised name, after "re/about/user"), and only for a
 * verb that acts on users and says nothing else; anything longer keeps its own words.
 */

const SUBJECT =
  /^\s*(?:(?:re|about|regarding|user|account|subject|customer)\s*:?\s+)?(⟦[ei]\d+⟧|(?!(?:Urgent|Important|Note|Notes|Update|Request|Requests|Ticket|Todo|To-do|Action|Actions|Steps|Tasks|Please|Thanks|FYI|Summary|Context|Background|Asap|Today|Tomorrow|Also|Then|Next|Done|Both|All|Everyone|Everybody|Them|Him|Her)\b)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s*$/;
const BARE =
  /^(\s*(?:(?:please|pls|plz|then|and|also|just)\s+)*)(ban|unban|lock|unlock|delete|suspend|reinstate|sign\s+(?:them\s+)?out(?:\s+everywhere)?|log\s+(?:them\s+)?out(?:\s+everywhere)?|revoke\s+(?:all\s+)?(?:(?:their|the)\s+)?sessions)((?:\s+(?:please|pls|plz|too|as\s+well|asap|now|them|him|her))*)\s*$/i;
// Sentence ends, colons, arrows, and ", then": where one part of such a message ends.
const PARTS = /(\s*(?:[.;!?]+|:|->|→|,\s*(?:then\s+)?)\s*)/;

function act(verb: string, who: string): string {
  if (/^(?:sign|log)\b/i.test(verb)) return `sign ${who} out`;
  if (/^revoke\b/i.test(verb)) return `sign ${who} out`;
  return `${verb} ${who}`;
}

/** The message with bare requests after a lone subject given that subject, or as it was. */
export function withSubjectFirst(masked: string): string {
  // ("user: x@y.test", "Re: Ann Lee": the label before the colon is not the first part.)
  const label = masked.match(/^\s*(?:re|about|regarding|user|account|subject|customer)\s*:\s*/i)?.[0] ?? '';
  const pieces = masked.slice(label.length).split(PARTS);
  const who = pieces[0]?.match(SUBJECT)?.[1];
  if (!who || pieces.length < 3) return masked;
  let changed = false;
  for (let i = 2; i < pieces.length; i += 2) {
    const m = pieces[i]!.match(BARE);
    if (!m) continue;
    pieces[i] = `${m[1]}${act(m[2]!, who)}${m[3]!.replace(/\s+(?:them|him|her)\b/gi, '')}`;
    changed = true;
  }
  return changed ? `${label}${pieces.join('')}` : masked;
}
