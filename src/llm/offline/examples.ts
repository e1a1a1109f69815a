/**
 * Example requests the offline model understands, grouped by topic: shown for "help" and whenever a request is
 * not understood (the topic's examples first).
 */

const EXAMPLES: Record<string, string[]> = {
  users: [
    'list banned users',
    'who signed up this week?',
    'how many users are there?',
    'ban jane@example.com',
    'unlock lee@initech.test',
    'rename jane@example.com to Janet Doe',
    'create a user tom@wayne.test named Tom Hardy',
    'set jane@example.com\'s public metadata to {"plan":"pro"}',
  ],
  organizations: [
    'list organizations',
    "show Acme's members",
    'make dave@acme.test an admin of Acme',
    'add jane@example.com to Globex',
    'remove Jane from Acme',
    'create an organization called Wayne Enterprises',
    'rename the Globex org to Globex Corp',
  ],
  invitations: [
    'invite bob@acme.test to Acme as admin',
    'invite sally@wayne.test to the app',
    'list pending invitations',
    'revoke the invitation for newhire@acme.test',
    'list pending invitations for Acme',
  ],
  sessions: ['sign dave@acme.test out everywhere', "list Dave's sessions", 'is Dave signed in?'],
  allowlist: ['show the allowlist', 'allow *@acme.test', 'remove *@acme.test from the allowlist'],
  blocklist: [
    'show the blocklist',
    'add spam@mailinator.com to the blocklist',
    'remove spam@mailinator.com from the blocklist',
  ],
  jwt: [
    'list JWT templates',
    'show the hasura JWT template',
    'create a JWT template called hasura2 with claims {"role":"admin"}',
    "set the supabase template's lifetime to 300 seconds",
    'delete the supabase JWT template',
  ],
  domains: ['list domains', 'add satellite domain shop.example.com', 'delete domain blog.example.com'],
  oauth: [
    'list OAuth apps',
    'show the Zapier Integration OAuth app',
    'create an OAuth app called Reporting with redirect URI https://r.example.com/cb',
    'delete the Zapier Integration OAuth app',
  ],
};

const TOPIC_ALIASES: Record<string, string> = { jwt: 'jwt', domain: 'domains', oauth: 'oauth' };
const TITLES: Record<string, string> = { jwt: 'JWT templates', oauth: 'OAuth applications' };

/** Every example request (tests check that each one is understood). */
export function allExamples(): string[] {
  return Object.values(EXAMPLES).flat();
}

/** 3–5 examples, those of `topic` first. */
function examplesFor(topic?: string): string[] {
  const key = topic ? (TOPIC_ALIASES[topic] ?? topic) : undefined;
  const first = key && EXAMPLES[key] ? EXAMPLES[key]!.slice(0, 3) : [];
  const general = [
    'list banned users',
    'ban jane@example.com',
    'invite bob@acme.test to Acme as admin',
    'who signed up this week?',
    "show Acme's members",
  ];
  return [...new Set([...first, ...general])].slice(0, 5);
}

/** "I didn't understand" with examples that would work. */
export function notUnderstood(topic?: string, reason?: string): string {
  const lead =
    reason ??
    "Sorry, I didn't understand that request. I'm the built-in offline model: I understand common phrasings of Clerk admin tasks, not free-form requests (set OPENAI_API_KEY to use an OpenAI-compatible model for those).";
  return `${lead}\nRequests like these work:\n${examplesFor(topic)
    .map((e) => `- ${e}`)
    .join('\n')}`;
}

/** The full help text. */
export function helpText(): string {
  const sections = Object.entries(EXAMPLES).map(
    ([topic, list]) => `${TITLES[topic] ?? topic}:\n${list.map((e) => `  - ${e}`).join('\n')}`,
  );
  return [
    "I'm the built-in offline model. I understand common phrasings of Clerk admin requests; every change is shown to you for a yes/no before it runs.",
    ...sections,
    'For anything else, set OPENAI_API_KEY (or OPENAI_BASE_URL) to use an OpenAI-compatible model.',
  ].join('\n');
}
