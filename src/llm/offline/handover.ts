/**
 * "please take this task off our plate", "could you take this off my hands": the writer hands over the task
 * the message already describes. It is doing that task, never removing anything ("take X off Y" is otherwise a
 * removal of X from Y, and "my plate" would be looked up as an organization). Read on the raw text, before any
 * reader sees "take … off".
 */
const OFF_MY_PLATE =
  /\btake\s+(?:this|that|it|these|those)(?:\s+(?:action\s+)?(?:item|task|ticket|one|request|job|bit)s?)?\s+off\s+(?:my|our)\s+(?:plate|hands|list|desk|to-?do\s+list)\b/gi;

/** The message with a handover said as "take this off my plate" read as "handle that". */
export function withHandover(text: string): string {
  return text.replace(OFF_MY_PLATE, 'handle that');
}
