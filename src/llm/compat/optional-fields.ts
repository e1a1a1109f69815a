/**
 * Request fields that are nice to have but not needed, and that some compatible servers reject with a 400
 * (pydantic servers with `extra="forbid"`, older llama.cpp, strict proxies): `strict` on tool schemas,
 * `parallel_tool_calls`, `stream_options`. When a 400 names one we sent (or says unknown/extra fields), the request
 * is retried once without it, and the model remembers the drop for the rest of the session.
 * The agent validates every argument itself (actions/parse-args.ts), so dropping `strict` loses no safety.
 */

export type OptionalField = 'strict' | 'parallel_tool_calls' | 'stream_options';

const GENERIC_REJECTION =
  /unrecogni[sz]ed|unknown (field|param|parameter|argument|key)|extra (inputs?|fields?)|not permitted|unsupported (param|parameter|field)|additional ?properties|unexpected (field|keyword|property)/i;

/** Which of the optional fields `sent` a 400 message rejects (empty: the 400 is about something else). */
export function rejectedFields(message: string, sent: readonly OptionalField[]): OptionalField[] {
  if (sent.length === 0) return [];
  const named = sent.filter((f) => new RegExp(`\\b${f}\\b`, 'i').test(message));
  if (named.length > 0) return named;
  // A generic "unknown field" with no name: drop them all once; the retry tells whether that was it.
  return GENERIC_REJECTION.test(message) ? [...sent] : [];
}
