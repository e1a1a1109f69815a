/**
 * "Kill that session" / "sign out just that device": one session picked by what the admin says about the device
 * ("the Windows machine she'd been using in London", "his iPhone"). The words are matched against each active
 * session's latest activity (device type, browser, city, country, mobile or not). Words inside constraints
 * ("leave his laptop sessions alone") describe sessions to keep, so they are not used to pick.
 */
import type { Sentence } from './entities.js';
import type { Intent, Ref } from './intent-types.js';
import { splitClauses, splitSentences } from './clauses.js';
import { personNames } from './org-context.js';
import { userRefsAnywhere } from './refs.js';

/** One thing said about the device, checked against a session's latest_activity. */
interface DeviceWord {
  word: string;
  test: (activity: Record<string, unknown>) => boolean;
}

const KILL =
  /\b(?:kill|revoke|end|terminate|close|cut off|invalidate|sign out|log out|sign|log)\s+(?:out\s+)?(?:of\s+)?(?:just\s+|only\s+)?(?:that|this|the|her|his|their)\s+(?:\w+\s+)?(?:session|device|laptop|phone|machine|computer|browser|tablet)\b/i;
const KEEP = /^(?:(?:but|and|please)\s+)*(?:leave|keep|don'?t|do not|not|never|except|without)\b/i;

const str = (a: Record<string, unknown>, k: string): string =>
  typeof a[k] === 'string' ? (a[k] as string).toLowerCase() : '';
const DESKTOP = ['windows', 'macintosh', 'linux', 'chrome os', 'chromeos'];

const VOCAB: Array<[RegExp, (a: Record<string, unknown>) => boolean]> = [
  [/\biphone\b/i, (a) => str(a, 'device_type').includes('iphone')],
  [/\bipad\b/i, (a) => str(a, 'device_type').includes('ipad')],
  [/\bandroid\b/i, (a) => str(a, 'device_type').includes('android')],
  [/\bwindows\b|\bpc\b/i, (a) => str(a, 'device_type').includes('windows')],
  [/\bmac(?:book|intosh)?\b|\bimac\b/i, (a) => str(a, 'device_type').includes('mac')],
  [/\blinux\b|\bubuntu\b/i, (a) => str(a, 'device_type').includes('linux')],
  [
    /\blaptop\b|\bdesktop\b|\bcomputer\b|\bworkstation\b/i,
    (a) => a.is_mobile === false || DESKTOP.some((d) => str(a, 'device_type').includes(d)),
  ],
  [/\b(?:mobile|cell ?phone|smartphone|phone)\b/i, (a) => a.is_mobile === true],
  [/\bchrome\b/i, (a) => str(a, 'browser_name').startsWith('chrome')],
  [/\bsafari\b/i, (a) => str(a, 'browser_name').includes('safari')],
  [/\bfirefox\b/i, (a) => str(a, 'browser_name').includes('firefox')],
  [/\bedge\b/i, (a) => str(a, 'browser_name').includes('edge')],
];

// "end X's session on his iPhone", "close the signed-in session on the said tablet": a session said
// with the device it is on (any word of VOCAB, or a tablet) is that one session, never every session of the person.
const KILL_ON = new RegExp(
  `\\b(?:kill|revoke|end|terminate|close|cut off|invalidate|sign out|log out)\\b[^.;!?]{0,80}?\\bsession(?:\\s+of\\s+\\S+)?\\s+(?:on|from)\\s+(?:(?:the|that|this|his|her|their|aforementioned|said|lost|stolen|old|work|personal)\\s+)*(?:[\\w-]+\\s+){0,2}?(?:${[...VOCAB.map(([re]) => re.source), '\\btablet\\b'].join('|')})`,
  'i',
);
// "log her out of that tablet", "sign ⟦e0⟧ out on the work laptop": a sign-out said with the device it is on.
const OUT_ON = new RegExp(
  `\\b(?:sign|log|kick|boot)\\s+(?:\\S+\\s+){1,3}?out\\s+(?:of\\s+|on\\s+|from\\s+)(?:(?:the|that|this|his|her|their|my|its|lost|stolen|old|work|personal)\\s+)*(?:[\\w-]+\\s+){0,2}?(?:${[...VOCAB.map(([re]) => re.source), '\\btablet\\b', '\\bdevice\\b'].join('|')})`,
  'i',
);
const kills = (s: string): boolean => KILL.test(s) || KILL_ON.test(s) || OUT_ON.test(s);

/** What the message says about the device, outside constraints. Cities and countries come after "in"/"from". */
export function deviceWords(masked: string): DeviceWord[] {
  const out: DeviceWord[] = [];
  for (const sentence of splitSentences(masked)) {
    for (const clause of sentence.split(/\s*,\s*|\s+—\s+|\s+-\s+/)) {
      if (KEEP.test(clause.trim())) continue;
      for (const [re, test] of VOCAB) {
        const m = clause.match(re);
        if (m && !out.some((w) => w.word.toLowerCase() === m[0].toLowerCase())) out.push({ word: m[0], test });
      }
      for (const m of clause.matchAll(/\b(?:in|from|at|near)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b/g)) {
        const place = m[1]!.toLowerCase();
        out.push({ word: `in ${m[1]!}`, test: (a) => str(a, 'city') === place || str(a, 'country') === place });
      }
    }
  }
  return out;
}

/** A request to end one described session, or undefined. */
export function parseDeviceRevoke(whole: Sentence): Intent | undefined {
  const units = splitSentences(whole.masked).flatMap((s) => splitClauses(s));
  if (!units.some((u) => kills(u.masked) && !KEEP.test(u.masked))) return undefined;
  if (units.some((u) => /\b(?:all|every|everywhere)\b/i.test(u.masked) && kills(u.masked))) return undefined;
  const target: Ref | undefined = userRefsAnywhere(whole)[0] ?? name(whole.masked);
  // (Fail closed: a described session with nobody to own it is a question, never every session of someone.)
  if (!target)
    return {
      kind: 'refuse',
      reason: 'I can end one session picked by its device, but I could not tell whose it is: name the user by email.',
    };
  return { kind: 'session_revoke_device', target, words: deviceWords(whole.masked).map((w) => w.word) };
}

function name(masked: string): Ref | undefined {
  const names = [...new Set(personNames(masked, undefined))];
  return names.length === 1 ? { kind: 'name', value: names[0]! } : undefined;
}
