/**
 * Requests written as command lines (issue 15, round 12): "user ban x@y", "user rm x@y --hard", "user update x@y
 * --last-name 'Lee'", "sessions revoke --user x@y --all", "oauth_application delete 'Foo'", "blocklist add '*@z'".
 * People who live in a terminal type the resource, then the verb, then flags. Each such line is said as the sentence
 * the readers know ("ban x@y", "delete the oauth app Foo"); a "# comment" after it stays as a remark. Read on the raw
 * text, one line at a time, before anything is masked (a word like "oauth_application" would read as an id).
 * Only a line that starts with a known resource and a known verb is rewritten; anything else is left as typed.
 */

const ARG = `("[^"]+"|'[^']+'|\\S+)`;
// One line: optional list marker ("1.", "-", "$"), resource, verb, the rest up to a comment.
const LINE = /^(\s*(?:\d+[.)]\s*|[-*$>]\s*)?)([a-z_-]+)\s+([a-z_-]+)\b([^#\n]*)(#.*)?$/i;

const USER_VERBS: Readonly<Record<string, string>> = {
  ban: 'ban',
  unban: 'unban',
  lock: 'lock',
  unlock: 'unlock',
  rm: 'delete the user',
  del: 'delete the user',
  delete: 'delete the user',
};
// (A command's target is an address or an id: "user remove Bob from Acme" is prose, never "delete the user Bob".)
const ACCOUNT = /^["']?(?:[^\s@"']+@[^\s"']+|user_\w+)["']?$/;
// (A record's name is quoted or one plain word: "app remove the old redirect" names no app.)
const NAMED = /^(?:"[^"]+"|'[^']+'|(?!(?:the|a|an|it|this|that|my|our|its|their|from|to)$)[A-Za-z0-9_-]+)$/i;
const FLAG_FIELDS: Readonly<Record<string, string>> = {
  'first-name': 'first name',
  first_name: 'first name',
  'last-name': 'last name',
  last_name: 'last name',
  username: 'username',
  'external-id': 'external id',
  external_id: 'external id',
};

const unquote = (a: string): string => a.replace(/^["']|["']$/g, '');
const quoted = (a: string): string => `"${unquote(a)}"`;
/** The value after "--flag" (or "--flag=value"), if the line has it. */
const flag = (rest: string, name: string): string | undefined =>
  rest.match(new RegExp(`--${name}(?:=|\\s+)${ARG}`, 'i'))?.[1];
const firstArg = (rest: string): string | undefined => rest.trim().match(new RegExp(`^${ARG}`))?.[1];

function sentence(resource: string, verb: string, rest: string): string | undefined {
  const r = resource.toLowerCase().replace(/s$/, '');
  const v = verb.toLowerCase();
  const target = firstArg(rest);
  if (r === 'user' && USER_VERBS[v] && target && ACCOUNT.test(target)) return `${USER_VERBS[v]} ${unquote(target)}`;
  if (r === 'user' && (v === 'update' || v === 'set' || v === 'edit') && target && ACCOUNT.test(target)) {
    const changes = Object.entries(FLAG_FIELDS)
      .map(([f, field]) => [field, flag(rest, f)] as const)
      .filter((x): x is readonly [string, string] => x[1] !== undefined)
      .map(([field, value]) => `change the ${field} of ${unquote(target)} to ${quoted(value)}`);
    return changes.length > 0 ? [...new Set(changes)].join('. ') : undefined;
  }
  if (r === 'session' && (v === 'revoke' || v === 'kill' || v === 'end' || v === 'rm')) {
    const who = flag(rest, 'user');
    return who && ACCOUNT.test(who) ? `revoke all sessions of ${unquote(who)}` : undefined;
  }
  if (/^oauth[_-]?app(?:lication)?$/.test(r) && /^(?:rm|del|delete)$/.test(v) && target && NAMED.test(target))
    return `delete the oauth app ${quoted(target)}`;
  if (/^(?:org|organi[sz]ation)$/.test(r) && /^(?:rm|del|delete)$/.test(v) && target && NAMED.test(target))
    return `delete the organization ${quoted(target)}`;
  if ((r === 'blocklist' || r === 'allowlist') && target) {
    if (v === 'add') return `add ${unquote(target)} to the ${r}`;
    if (/^(?:rm|del|delete|remove)$/.test(v)) return `remove ${unquote(target)} from the ${r}`;
  }
  return undefined;
}

// "unset users[x@y].public_metadata.tier", "set orgs[Foo].public_metadata.plan = pro": a path into a record's metadata.
const PATH =
  /\b(unset|set)\s+(users?|orgs?|organi[sz]ations?)\[\s*["']?([^\]"']+?)["']?\s*\]\.(public|private|unsafe)_metadata\.([A-Za-z_][\w-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s#]+))?/gi;

function withMetadataPaths(text: string): string {
  return text.replace(
    PATH,
    (m, verb: string, kind: string, owner: string, where: string, key: string, value?: string) => {
      const whose = /^org/i.test(kind) ? `the ${owner} organization's` : `${owner}'s`;
      if (verb.toLowerCase() === 'unset') return `remove the ${key} key from ${whose} ${where} metadata.`;
      return value === undefined ? m : `set ${key} to ${quoted(value)} in ${whose} ${where} metadata.`;
    },
  );
}

/** The text with each command line said as a request. */
export function withCliCommands(text: string): string {
  return withMetadataPaths(text)
    .split('\n')
    .map((line) => {
      const m = line.match(LINE);
      if (!m) return line;
      const said = sentence(m[2]!, m[3]!, m[4]!);
      return said ? `${m[1]}${said}.${m[5] ? ` ${m[5]}` : ''}` : line;
    })
    .join('\n');
}
