/**
 * Slack mrkdwn for text we did not write (Clerk data, model words). Slack parses `<…>` as links and mentions
 * (`<!channel>`, `<@U1>`, `<https://x|label>`), so `&`, `<` and `>` are escaped as the Slack docs require: a user
 * named `<!channel>` shows literally and pings nobody. A bare `@channel` gets a zero-width joiner (it pings only
 * with link_names, which we never set, but a client may still highlight it). Formatting characters (`*_~`) are left
 * alone: they can only restyle text, and changing them would break ids like `user_2x…` for copy and paste.
 */

const ZWJ = '\u200d';

/** Escapes text for a mrkdwn field: links, mentions and formatting in it stay literal. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, `@${ZWJ}$1`);
}

/** Escapes text shown inside a ``` code block: only the link syntax matters there (and a closing fence). */
export function escapeCode(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/```/g, '`\u200b``');
}

/** Escapes text for a `plain_text` object: Slack never parses it, but it has length limits. */
export function plain(text: string, max = 150): string {
  return truncate(text, max);
}

/** Cuts text to at most `max` characters (code points), ending with … when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A mention of a Slack user id we got from Slack itself (ids only: never a name from data). */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "three users", "1,024 users": counts in words up to twelve. */
export function countWords(n: number, noun: string, plural = `${noun}s`): string {
  const word = n >= 0 && n < WORDS.length ? WORDS[n]! : n.toLocaleString('en-US');
  return `${word} ${n === 1 ? noun : plural}`;
}
