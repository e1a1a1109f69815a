/**
 * "Ana sent an invite to the Foo org this morning, it went to the wrong person. Cancel it.": an invitation told
 * as who sent it, then pointed at ("it", "that one", "that invite"), is the invitation that person sent — the
 * reference the readers already resolve by inviter (and, when said, organization). Only when the message tells of
 * exactly one invitation sent by someone named; "we sent …", "someone sent …" name nobody, and are left alone.
 */

const SENT =
  /\b(?!(?:i|we|you|they|he|she|someone|somebody|anyone|nobody|it|that|this|the|who)\b)([A-Za-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:just\s+|accidentally\s+|mistakenly\s+|already\s+)?(?:sent(?:\s+out)?|issued|created|fired\s+off)\s+(?:an?\s+|the\s+)?(?:org(?:ani[sz]ation)?\s+)?invit(?:e|ation)\b(?:\s+(?:to|into|for)\s+(?:the\s+)?(?!⟦)([A-Za-z][\w&'’-]*)(?:\s+(?:org|organi[sz]ation|group|team|workspace))?\b)?/gi;

const POINTED =
  /\b(kill|cancel|revoke|withdraw|rescind|scrap|pull|delete|remove|void)\s+(?:it|that(?:\s+one)?|that\s+invit(?:e|ation)|this\s+invit(?:e|ation)|the\s+invit(?:e|ation))(?=\s*(?:$|[,.;!?]|before|now|asap|please|pls|too)\b|\s*$)/gi;

/** The masked message with "cancel it" said of the one invitation the message says someone sent. */
export function withSentInvite(masked: string): string {
  const told = [...masked.matchAll(SENT)];
  if (told.length !== 1) return masked;
  const [, who, org] = told[0]!;
  const at = told[0]!.index! + told[0]![0].length;
  const after = masked.slice(at);
  const spelt = after.replace(
    POINTED,
    // (The reference ends its sentence: "… before they click it" is when, not part of the organization's name.)
    (_m, verb: string) => `${verb} the invitation ${who} sent${org ? ` to ${org}` : ''}.`,
  );
  return spelt === after ? masked : masked.slice(0, at) + spelt;
}
