/**
 * An address or id corrected as soon as it is typed — "x@y.tset -- sorry, x@y.test", "a@x.test, I mean b@x.test",
 * "user_1 (oops, user_2)" — is the second one: the first is a slip and never a target. Only an address replaced by
 * an address (an id by an id) right after a correction word; a correction said any other way is left to the
 * sentence-level reading (request.ts), which changes nothing when it cannot read it.
 */

const CORRECTED =
  /(⟦([ei])\d+⟧)\s*(?:--|—|–|-|,|;|\.|\()?\s*(?:sorry|oops|whoops|typo|correction|i\s+mean|i\s+meant|sry)[,:!.]?\s+(?:i\s+mean\s+|it'?s\s+|should\s+be\s+)?(⟦([ei])\d+⟧)\)?/gi;

/** The message with a corrected address or id replaced by its correction, or as it was. */
export function withCorrectedAddress(masked: string): string {
  return masked.replace(CORRECTED, (m, _first: string, kind: string, second: string, kind2: string) =>
    kind === kind2 ? second : m,
  );
}
