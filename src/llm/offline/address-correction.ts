/**
 * A value corrected as it is typed (issue 15, round 4): "revoke the invite for jon@x.test -- sorry, john@x.test",
 * "ban a@b.test, I mean a@c.test", "remove *@x.test... oops, *@y.test". When an address, id, host or wildcard is
 * followed by a correction word and another of the same kind, the second replaces the first and the correction
 * is gone, so the request reads as if typed right. Only two values of one kind next to each other: a correction
 * that changes the request itself ("ban X, sorry, lock X") is the clause rules' (request.ts CORRECTION).
 */

const CORRECTED =
  /⟦([eihwp])\d+⟧\s*(?:--?|–|—|,|;|\.{3}|…)?\s*(?:\(\s*)?(?:(?:no|oops|argh|ugh)[,!.]?\s+)?(?:sorry|oops|i\s+mean|i\s+meant|correction|typo|wait|rather|make\s+that)[,:!.]?\s*(?:(?:i\s+mean|i\s+meant|it'?s|it\s+is|that\s+should\s+be|should\s+be)\s+)?(⟦\1\d+⟧)(?:\s*\))?/gi;

/** The masked message with each corrected value replaced by its correction. */
export function correctedValues(masked: string): string {
  return masked.replace(CORRECTED, (_m, _kind: string, right: string) => right);
}
