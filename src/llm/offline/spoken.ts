/**
 * Text dictated by speech-to-text (issue 15, round 11): an address said aloud ("maria at example dot com"), a key
 * said with its separators ("crm underscore contact underscore ref"), a name spelt out letter by letter
 * ("j o p a r k"). Spelt the way it is typed before anything reads the message, so the masks and readers see an
 * address, a key and a word. Only unambiguous shapes: an address needs "at" and a "dot" before a known top-level
 * domain; letters are joined only in runs of four or more.
 */

const TLD = '(?:com|org|net|io|dev|app|ai|co|edu|gov|test|example|local|uk|de|fr|es|it|nl|eu|us|ca|au|in)';
// "maria at example dot com", "j dot ramirez at globex dot test": the local part may itself be dotted.
const SPOKEN_ADDRESS = new RegExp(
  `\\b([a-z0-9][a-z0-9_-]*(?:\\s+(?:dot|underscore|dash|hyphen)\\s+[a-z0-9][a-z0-9_-]*)*)\\s+at\\s+([a-z0-9][a-z0-9-]*(?:\\s+dot\\s+[a-z0-9][a-z0-9-]*)*\\s+dot\\s+${TLD})\\b`,
  'gi',
);
const NOT_LOCAL =
  /^(?:one|someone|anyone|everyone|somebody|anybody|everybody|him|her|them|me|us|people|users?|person|guy|girl|account|email|address|mail|is|was|be|based|works?|working|who|the|a|an|up|in|on|out|off|signed|registered|here|there|live|lives|located|me|over|staff|team)$/i;
const SEPARATOR: Readonly<Record<string, string>> = { dot: '.', underscore: '_', dash: '-', hyphen: '-' };
const joined = (words: string): string =>
  words.replace(/\s+(dot|underscore|dash|hyphen)\s+/gi, (_m, sep: string) => SEPARATOR[sep.toLowerCase()]!);

/** The message with dictated addresses, separators and spelt-out words written as typed. */
export function spokenForms(text: string): string {
  return (
    text
      // ("j o p a r k": four or more single letters in a row are one word.)
      .replace(/\b(?:[a-z]\s+){3,}[a-z]\b/gi, (run) => run.replace(/\s+/g, ''))
      // ("the guy at mail dot test": a word that points at a person is no mailbox name.)
      .replace(SPOKEN_ADDRESS, (m, local: string, domain: string) =>
        NOT_LOCAL.test(local) ? m : `${joined(local)}@${joined(domain)}`,
      )
      // ("crm underscore contact underscore ref": a key said with its underscores.)
      .replace(/\b([a-z0-9]+(?:\s+underscore\s+[a-z0-9]+)+)\b/gi, (words) => joined(words))
  );
}
