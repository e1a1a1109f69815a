/**
 * Shared vocabulary for the intent parsers: politeness stripping and the read/count words, so every parser agrees
 * on what "show" or "how many" look like.
 */
import type { Sentence } from './entities.js';

const LEAD =
  /^(?:(?:hey|hi|hello|ok|okay|so|now|then|also|and|please|pls|plz|kindly|can you|could you|would you|will you|can u|could u|i want to|i wanna|i'd like to|i would like to|i need to|we need to|we want to|i want you to|i need you to|go ahead and|let's|lets|help me|quickly|just|agent|clerk)[,\s]+)+/i;
const TRAIL = /(?:[,\s]+(?:please|pls|plz|thanks|thank you|thx|for me|asap|right away|right now|quickly|for us))+$/i;

/** The masked request with greetings, "please", "can you" and a trailing "?" removed. */
export function core(s: Sentence): string {
  let c = s.masked.trim().replace(/[?]+$/, '').trim();
  for (let i = 0; i < 3; i++) c = c.replace(LEAD, '').replace(TRAIL, '').trim();
  return c;
}

/** Words that ask to see something. */
export const READ =
  /\b(?:list|show|display|get|view|see|find|search|look ?up|lookup|fetch|check|give me|tell me|what(?:'s| is| are)?|which|who(?:'s| is| are)?|print|pull up|bring up|details?|info|describe|inspect|any)\b/i;
/** Words that ask for a number. */
export const COUNT = /\b(?:how many|count|number of|total)\b/i;

/** "… but don't update it yet", "no need to change it": the update is what is NOT asked (request-form, stated-value). */
export const NOT_UPDATE = /\b(?:don'?t|do not|never|not yet|no need to)\b[^.]*\b(?:update|change|fix|set|edit)\b/i;
