/**
 * An organization taken away whole (round 14): "could the whole Foo group be taken off our website altogether?",
 * "the entire group should be removed from the platform for good". Said of the group itself, with "whole"/"entire",
 * the removal is of the organization — a deletion, shown on its own card like any other. Read before the passive
 * is turned around (passive-request.ts), which would otherwise make it a removal of someone from the group.
 * With no name ("the whole group"), the organization the message names elsewhere is meant (the planner reads it).
 * Also "the organisation Foo completely delete": the verb said last, as some first languages put it; and "remove
 * their client workspace" after a sentence about Foo (round 18: it had become a removal of Foo's member): the
 * workspace itself, whose name the message says elsewhere (none or several → the planner says so).
 */

const WHOLE_ORG =
  /\b(?:whether|if|that)?\s*\bthe\s+(?:whole|entire)\s+(?:([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)\s+)?(?:group|org|organi[sz]ation|workspace|company)\s+(?:(?:could|should|shall|must|can|might|would|is\s+to|needs?\s+to)\s+)?(?:be\s+)?(?:taken\s+(?:off|down)|removed|deleted|closed(?:\s+down)?|shut\s+down|wiped)\b(?:\s+(?:(?:from|off)\s+)?(?:our|the)\s+(?:website|site|platform|system|app))?(?:\s+(?:altogether|entirely|completely|for\s+good))?/g;

const VERB_LAST =
  /\bthe\s+(?:org|organi[sz]ation|group|workspace)\s+([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?)\s+(?:(?:completely|entirely|fully|permanently)\s+)?(delete|remove)(?=\s*(?:[.!;]|$))/g;

const THEIR_ORG =
  /\b(?:delete|remove|close(?:\s+down)?|shut\s+down|get\s+rid\s+of)\s+(?:their|its|the)\s+(?:(?:portal|client|customer|company|old)\s+)?(?:workspace|org|organi[sz]ation)\b(?!\s*(?:member|members|membership|invit\w*|role|metadata|slug|name|logo|admin|seat)s?\b)/gi;

/** The masked message with a whole organization's removal said as its deletion. */
export function withWholeOrgRemoval(masked: string): string {
  const said = masked.replace(VERB_LAST, '$2 the organization $1').replace(THEIR_ORG, 'delete the organization');
  return said.replace(WHOLE_ORG, (_m, name: string | undefined, at: number) => {
    const ask = name ? `delete the ${name} organization` : 'delete the organization';
    // ("I was asked whether …": the ask becomes a sentence of its own, so the words before it are no part of it.)
    const before = said.slice(0, at).trim();
    return before === '' || /[.!?:;]$/.test(before) ? ` ${ask}` : `. ${ask}`;
  });
}
