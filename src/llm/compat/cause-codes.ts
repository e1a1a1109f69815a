/** The `code`s (ECONNREFUSED, ENOTFOUND…) along an error's `cause` chain: fetch and the SDK wrap the socket error. */
export function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}
