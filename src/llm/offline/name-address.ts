/**
 * "Ines wrote in from ines.faro@x.test … please invite Ines to Foo": a person named by name whose
 * address the message gives is that address. Only for the verbs that need an address (invite, send an invite) and
 * only when exactly one address in the message has the name in it; otherwise the name stays (and the readers ask
 * which address, as before).
 */

const INVITE_NAME =
  /\b((?:send|give|email|mail)\s+|invite\s+)([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?=\s+(?:an?\s+(?:new\s+)?invit(?:e|ation)|to\b|into\b|as\b|please\b|pls\b|[,.;!?]|$))/g;

/** The masked message with a named invitee replaced by the one address of the message that carries the name. */
export function withNamedInvitee(masked: string, emails: readonly string[]): string {
  return masked.replace(INVITE_NAME, (m, verb: string, name: string) => {
    const first = name.split(/\s+/)[0]!.toLowerCase();
    if (first.length < 3) return m;
    const hits = emails
      .map((e, i) => [e, i] as const)
      .filter(([e]) =>
        e
          .split('@')[0]!
          .toLowerCase()
          .split(/[._+-]/)
          .includes(first),
      );
    return hits.length === 1 ? `${verb}⟦e${hits[0]![1]}⟧` : m;
  });
}
