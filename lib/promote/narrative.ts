/**
 * The story sentence of a promotion draft: "As a {persona}, I want to {title}, so that {why}."
 * Story titles are mostly imperative ("Reorder a past delivery"), which needs "to" after "want";
 * some are noun phrases ("Dark mode", "A CSV export"), which must not get one; a few are already
 * a story sentence, which is kept as written.
 */

import { tidy } from './text';

const stripEnd = (t: string) => t.replace(/[\s.!;,:]+$/u, '');
const lowerFirst = (t: string) => (/^(?:[A-Z][a-z]|A\s)/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t);

export function article(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word) && !/^(uni|use|eu|one)/i.test(word) ? 'an' : 'a';
}

/** Verbs a backlog title starts with. Unknown first words are left as they are (noun phrases). */
const VERBS = new Set(
  (
    'accept access add adjust allow apply approve archive arrange ask assign attach avoid be become block book ' +
    'browse build buy calculate cancel change check choose claim clear close collapse collect combine compare ' +
    'complete configure confirm connect contact continue control convert copy create customise customize ' +
    'decline define delete deploy deselect disable discover dismiss display do download drag draft drop ' +
    'duplicate edit email embed enable enter estimate exclude expand export extend fetch fill filter find ' +
    'finish fix flag follow forward generate get give go group have hide highlight import include inspect ' +
    'install integrate invite join jump keep know label launch leave limit link list load locate lock log ' +
    'look make manage map mark merge migrate monitor move mute name navigate notify open order organise ' +
    'organize override pause pay personalise personalize pick pin plan play post preview print prioritise ' +
    'prioritize protect publish purchase put rate read receive record recover redeem reduce refresh refund ' +
    'register reject remember remind remove rename reopen reorder repeat replace reply report request ' +
    'reschedule reserve reset resize resolve restore resume retry return reuse review revoke run save scan ' +
    'schedule scroll search see select sell send set share show sign skip snooze sort split star start stop ' +
    'store submit subscribe suggest swap switch sync tag take tell test toggle track transfer translate try ' +
    'turn type undo unarchive unlock unpin unsubscribe update upgrade upload use validate verify view vote ' +
    'watch withdraw write zoom'
  ).split(' '),
);

/** Words that are verbs and nouns: "Order history", "Search results page" are not imperatives. */
const NOUN_HEADS = new Set(
  (
    'bar box button dialog field flow form history icon layout list log menu modal mode option options ' +
    'page panel queue report reports results screen settings status summary tab template tool view widget'
  ).split(' '),
);

/** Adverbs before the verb: "Quickly find a story" → "to quickly find a story". */
const ADVERBS = new Set(
  'also always automatically easily instantly never only quickly safely still'.split(' '),
);

const word = (w: string | undefined) => (w ?? '').toLowerCase().replace(/[^\p{L}'-]/gu, '');

function isImperative(words: string[]): boolean {
  const [first, second] = [word(words[0]), word(words[1])];
  if (ADVERBS.has(first) && VERBS.has(second)) return true;
  return VERBS.has(first) && !NOUN_HEADS.has(second);
}

/** What follows "I want": "to reorder a past delivery", "dark mode", "to pay by card". */
export function wantClause(title: string): string {
  let t = lowerFirst(stripEnd(title));
  t = t.replace(/^i (?:want|need|would like|'d like) /iu, ''); // "I want to pay" titles
  if (/^to\s/iu.test(t)) return t.replace(/^to/iu, 'to');
  if (/^(?:do not|don't)\s/iu.test(t)) return t.replace(/^(?:do not|don't)/iu, 'not to');
  if (/^able to\s/iu.test(t)) return `to be ${t}`;
  return isImperative(t.split(' ')) ? `to ${t}` : t;
}

/** A title that is already a whole story sentence ("As a shopper, I want …"). */
const STORY_SENTENCE = /^as an?\s.+\bI (?:want|need|would like|'d like)\b/iu;

/** "As a {persona}, I want {title}, so that {why}." — with sensible wording when parts are missing. */
export function narrativeFor(title: string, why: string, persona: string | null): string {
  const because = lowerFirst(stripEnd(tidy(why)));
  const t = stripEnd(tidy(title));
  if (STORY_SENTENCE.test(t)) {
    return because && !/\bso that\b/iu.test(t) ? `${t}, so that ${because}.` : `${t}.`;
  }
  const who = tidy(persona ?? '') || 'user';
  const want = t ? wantClause(t) : 'this story';
  const head = `As ${article(who)} ${who}, I want ${want}`;
  return because ? `${head}, so that ${because}.` : `${head}.`;
}
