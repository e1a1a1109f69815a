/**
 * A URL as it may be shown to people (banners, errors, doctor): scheme, host and path only. Credentials, the query
 * and the fragment are dropped, since a base URL may carry a token in any of them (`https://user:key@host`,
 * `?api_key=…`). One rule for every front end, so no place shows more than another.
 */
export function shownUrl(url: string, invalid = '(invalid URL)'): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`.replace(/\/+$/, '');
  } catch {
    return invalid;
  }
}
