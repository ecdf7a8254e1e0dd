import { wordTags } from '../lexicon/word-classes.js';
import { capitalize, ensureTerminal } from '../text/sentences.js';
import { isCommonWord } from '../text/common-words.js';
import { finiteVerbs } from '../text/split-long-sentence.js';
import { wordSet } from '../text/word-set.js';

/** Shorthand of terse notes and what it stands for in prose (general note-taking habits). */
const shorthand: readonly (readonly [RegExp, string])[] = [
  [/\s*(?:->|→|=>)\s*/g, ' → '],
  [/(?<=\s|^)@\s?(?=\d)/g, 'at '],
  [/(?<=\s|^)@(?=\s)/g, 'at'],
  [/\bw\/o\b/gi, 'without'],
  [/\bw\/(?=\s)/gi, 'with'],
  [/\bb\/c\b/gi, 'because'],
  [/\bwks\b/gi, 'weeks'],
  [/\bwk\b/gi, 'week'],
  [/\byrs\b/gi, 'years'],
  [/\byr\b/gi, 'year'],
  [/\bmins\b/gi, 'minutes'],
  [/\bhrs\b/gi, 'hours'],
  [/\bhr\b/gi, 'hour'],
  [/\bpts\b/gi, 'points'],
  [/\bpt\b/gi, 'point'],
  [/\bwkts\b/gi, 'wickets'],
  [/\bappt\b/gi, 'appointment'],
  [/\bavg\b/gi, 'average'],
  [/\bincl\.?(?=\s)/gi, 'including'],
  [/\bapprox\.?(?=\s)/gi, 'about'],
  [/(?<=\s|^)~\s?(?=\d)/g, 'about '],
  [/(?<=\s|^)>\s?(?=\d)/g, 'over '],
  [/(?<=\s|^)<\s?(?=\d)/g, 'under '],
  [/(?<=\s|^)\+(?=\d)/g, ''],
  [/\b(\d[\d,.]*)\+(?=\s+\p{L})/gu, 'over $1'],
  [/\b(\d[\d,.]*)\+(?!\d)/g, '$1 or more'],
  [/\/(day|week|month|year|hour)\b/g, ' a $1'],
  [/\b(\p{Lu}\p{Ll}+) d\. (?=\p{Lu})/gu, '$1 beat '],
  [/\bx([2-9])\b/g, '$1 times'],
  [/\b([2-9])x\b/g, '$1 times'],
  [/\bv\.?(?=\s+\p{Ll}{3,})/gu, 'very'],
  [/\btil\b/gi, 'until'],
  [/\bthx\b/gi, 'thanks'],
  [/\bpls\b/gi, 'please'],
  [/\bppl\b/gi, 'people'],
  [/\basap\b/gi, 'as soon as possible'],
  [/\btmrw\b/gi, 'tomorrow'],
  [/\bre:\s*/gi, 'about '],
  [/(?<=\s)re(?=\s)/g, 'about'],
  [/\bmon\b(?=\s*(?:[.,;!?]|$))/g, 'Monday'],
  [/\btues?\b(?=\s*(?:[.,;!?]|$))/g, 'Tuesday'],
  [/\bwed\b(?=\s*(?:[.,;!?]|$))/g, 'Wednesday'],
  [/\bthurs?\b(?=\s*(?:[.,;!?]|$))/g, 'Thursday'],
  [/\b[Ff]ri\b/g, 'Friday'],
  [/\bsat\b(?=\s*(?:[.,;!?]|$))/g, 'Saturday'],
  [/\bsun\b(?=\s*(?:[.,;!?]|$))/g, 'Sunday'],
  [/\bJan\b/g, 'January'],
  [/\bFeb\b/g, 'February'],
  [/\bAug\b/g, 'August'],
  [/\bSept?\b/g, 'September'],
  [/\bOct\b/g, 'October'],
  [/\bNov\b/g, 'November'],
  [/\bDec\b/g, 'December'],
  [/\s\+\s?|\s?\+\s/g, ' and '],
  [/(?<=\p{L})\s*&\s*(?=\p{L})/gu, ' and '],
  [/(?<=\p{L})\/(?=\p{L})/gu, ' or '],
  [/\s=\s/g, ' is '],
  [/([!?])\1+/g, '$1'],
];

/** Notes with their shorthand spelled out ("2 wks @ 10am" → "2 weeks at 10am"), arrows as "→". */
export function spellOut(notes: string): string {
  let text = notes;
  for (const [pattern, replacement] of shorthand) text = text.replace(pattern, replacement);
  return text.replace(/[^\S\n]+/g, ' ').trim();
}

/** Keys whose label is only a heading in notes ("Abstract:", "Notes:"): the value stands alone. */
const headingKeys = new Set([
  'abstract',
  'notes',
  'note',
  'summary',
  'body',
  'details',
  'context',
  'text',
  'update',
]);

/** Verbs that open a note written without its subject ("want to propose...", "thinking of..."). */
const subjectlessVerbs = wordSet(
  'want wanted need needed feel felt think thought hope hoped plan planned wonder wondering thinking ' +
    'planning hoping trying going looking considering asked told tried talked got have had am was ' +
    'would could can should will might must sent made took gave left went chose paid found lost kept ' +
    'bought brought spoke wrote saw did',
);

/** Verbs a note to self opens with ("ask authors for...", "check the contract"): a request in prose. */
const requestVerbs = wordSet(
  'ask check send call email book add fix clarify include discuss compare report explain confirm tell bring reply return attach arrange remind forward share sign submit buy',
);

/** Words that describe a state after a noun ("window frame rotten", "feet fine"). */
const stateWords = wordSet(
  'broken stolen done set fine worse better ok okay late due ready available rotten swollen open closed ' +
    'faster slower higher lower up down out off back strong weak full empty missing gone wrong right ' +
    'cheaper dearer bigger smaller',
);

/** Words that open a noun phrase with its own determiner ("no visit", "my sister", "two loaves"). */
const determinerWords = wordSet(
  'a an the this that these those my our your his her their its no some any each every all both one two three four five several many few',
);

/** Words that open a clause joined to another ("but the assumptions...", "since his dad had it"). */
const conjunctions = wordSet('and but or so yet because since while although though if when as unless');

const pronouns = wordSet('i you he she it we they there');
const plainWord = (token: string) => token.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');

/** True when a word is a finite verb, a contraction or a verb in -ed ("is", "lost", "don't", "failed"). */
function isVerb(word: string): boolean {
  return (
    finiteVerbs.has(word) ||
    subjectlessVerbs.has(word) ||
    /n't$|'(re|m|ve|ll|d)$|^cannot$/.test(word) ||
    /^(it|that|there|he|she|what|who|here|let)'s$/.test(word) ||
    /^\p{L}{3,}ed$/u.test(word)
  );
}

/** Words after which a word in -ed is a verb ("fixed the bug", "asked 3 times", "reported by"). */
const verbFollowers = new Set([
  ...determinerWords,
  ...pronouns,
  'by',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'from',
  'again',
  'back',
  'up',
  'down',
  'out',
  'off',
  'it',
  'them',
  'him',
  'her',
  'me',
  'us',
]);

/** Common verbs in -s ("mode follows system", "it works"). */
const presentVerbs = wordSet(
  'follows works needs keeps says gets goes makes takes runs stops starts looks seems supports adds fixes shows saves uses freezes serves',
);

/** Adverbs between a subject and its state ("carpet already stained", "tickets still available"). */
const adverbs = wordSet('already still now just also all fully partly only too very so really');

/** Weekday abbreviations that are also words ("wed", "sat"): never a verb in notes. */
const weekdayWords = /^(mon|tue|wed|thu|fri|sat|sun)$/;

/**
 * A past tense opening a note without its subject ("heard them in the walls", "caught 2"), not one
 * that is also an adjective before its noun ("shared house") unless a pronoun or number follows.
 */
function isPastTense(word: string, next: string): boolean {
  const [first = '', ...others] = wordTags(word);
  if (weekdayWords.test(word)) return false;
  if (first !== 'VBD' && !(first === 'VBN' && others.includes('VBD'))) return false;
  if (prepositionWords.has(next)) return false; // "validated against samples": a passive, not a doer
  return !others.includes('JJ') || pronouns.has(next) || /^(them|him|her|it|me|us)$|^\d/.test(next);
}

/** Verbs of the mind: a note "prefer a refund" means "I prefer a refund", not "I want to prefer". */
const mindVerbs = wordSet('prefer know understand believe like love hate mean remember agree expect owe');

/**
 * A verb in its base form opening a note to self ("keep polite", "gauge interest first"): most
 * likely a base verb, never an adjective ("damp patch"), not before a preposition ("tear in the
 * cushion" is a noun).
 */
function isBaseVerb(word: string, next: string): boolean {
  const tags = wordTags(word);
  return tags[0] === 'VB' && !tags.includes('JJ') && !prepositionWords.has(next) && !weekdayWords.test(word);
}

/** How the writer feels or stands ("happy to let the plumber in", "sorry for the mess"). */
const feelingWords =
  /^(happy|glad|sorry|keen|willing|able|unable|available|free|grateful|worried|eager|ready|open|sure|unsure|afraid|delighted|pleased|thankful|nervous|excited)$/;

/** Most likely a plain adjective ("happy", "urgent", "optional"; not "cheapest", which lists). */
function isAdjective(word: string): boolean {
  return wordTags(word)[0] === 'JJ';
}

const prepositionWords = wordSet('for in on at of over with by from to under near across about after before');

/**
 * Index of the fragment's verb: a known verb, or a word in -s after a singular noun ("mode follows"),
 * or (`lexicon`) a past tense or base verb opening it (en-lexicon's word classes).
 */
function verbAt(words: readonly string[], lexicon = true): number {
  const known = words.findIndex((word, index) => {
    if (!isVerb(word)) return false;
    // A word in -ed before a noun is an adjective ("pinned notes", "shared cache").
    if (/ed$/.test(word) && !subjectlessVerbs.has(word) && index === 0)
      return words.length === 1 || verbFollowers.has(words[1] ?? '') || /^\d/.test(words[1] ?? '');
    return true;
  });
  if (known >= 0) return known;
  // A note opening with a past tense or a base verb has no subject ("heard them", "keep it polite").
  const [opener = '', next = ''] = words;
  if (lexicon && words.length > 1 && (isPastTense(opener, next) || isBaseVerb(opener, next))) return 0;
  // A word right after a subject pronoun is its verb ("we hide", "in our paper they say"), unless a
  // subordinate word comes first ("accept if they add..." has its own verb to find).
  const subordinate = words.findIndex((word) =>
    /^(if|when|because|that|since|unless|while|once)$/.test(word),
  );
  const afterPronoun = words.findIndex(
    (word, index) =>
      index > 0 &&
      (subordinate < 0 || index < subordinate) &&
      /^(i|we|they)$/.test(words[index - 1] ?? '') &&
      /^\p{L}+$/u.test(word),
  );
  if (afterPronoun >= 0) return afterPronoun;
  // A plural noun and a verb of the present in its plural form ("red pandas spend", "kids love"): the
  // sentence has its verb, whatever the lexicon says of the noun.
  const afterPlural = words.findIndex(
    (word, index) =>
      index > 0 &&
      (subordinate < 0 || index < subordinate) &&
      plural(words[index - 1] ?? '') &&
      !determinerWords.has(words[index - 1] ?? '') &&
      (wordTags(words[index - 1] ?? '').length === 0 || wordTags(words[index - 1] ?? '').includes('NNS')) &&
      wordTags(word).includes('VBP'),
  );
  if (afterPlural >= 0) return afterPlural;
  // A singular noun and a word that is mostly a verb in -s ("cost analysis ignores maintenance").
  const afterSingular = words.findIndex(
    (word, index) =>
      index > 0 &&
      (subordinate < 0 || index < subordinate) &&
      !determinerWords.has(words[index - 1] ?? '') &&
      wordTags(words[index - 1] ?? '')[0] === 'NN' &&
      wordTags(word)[0] === 'VBZ',
  );
  if (afterSingular >= 0) return afterSingular;
  return words.findIndex(
    (word, index) =>
      index > 0 &&
      (presentVerbs.has(word) ||
        (/^\p{L}{3,}[^su]s$/u.test(word) &&
          (determinerWords.has(words[index + 1] ?? '') || pronouns.has(words[index + 1] ?? '')))) &&
      !/s$/.test(words[index - 1] ?? 's') &&
      !determinerWords.has(words[index - 1] ?? ''),
  );
}

/** True when the noun phrase ending in `head` is plural ("feet", "tickets", "people"). */
function plural(head: string): boolean {
  return /[^s]s$/.test(head) || ['feet', 'people', 'children', 'men', 'women', 'teeth'].includes(head);
}

/** A noun phrase able to open a sentence: "window frame" → "The window frame"; names stay as written. */
function withDeterminer(phrase: string): string {
  const first = (phrase.split(/\s+/)[0] ?? '').replace(/[^\p{L}\p{N}']/gu, '');
  if (first === '' || /^\p{Lu}|^\p{N}/u.test(first)) return phrase;
  const lower = first.toLowerCase();
  // A phrase opening with a determiner, pronoun, conjunction, preposition or adverb needs none.
  const needsNone = [determinerWords, pronouns, conjunctions, phraseOpeners, adverbs].some((words) =>
    words.has(lower),
  );
  if (needsNone || /^(maybe|perhaps|probably|really|not|most|many|some|all|few|several|both)$/.test(lower))
    return phrase;
  // "daughter's asthma", "dad's appointment": family of the writer.
  if (/'s$/.test(lower)) return `my ${phrase}`;
  return `the ${phrase}`;
}

/**
 * One clause of a note (no comma) as a clause with a subject and a verb:
 * - "HbA1c 64 → 53" → "HbA1c went from 64 to 53"; "A → B" → "A, and then B" or "A leads to B";
 * - a subjectless verb gets "I" ("sent photos" → "I sent photos"), a passive one "It was";
 * - a noun with its state gets "is/are/was" ("window frame rotten" → "the window frame is rotten");
 * - a clause with its verb gets its determiner ("engineer resets it" → "the engineer resets it");
 * - a bare noun phrase becomes "there is/are ..." ("no visit" → "there is no visit").
 * Undefined for an empty clause.
 */
function clauseFrom(part: string): string | undefined {
  const text = part.trim().replace(/[.;:]+$/, '');
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  const numbers =
    /^(.*?)\s*\b(up|down)?\s*(\d[\d.,/]*(?:%|mg|kg|g|ml|l)?)\s*→\s*(\d[\d.,/]*(?:%|mg|kg|g|ml|l)?)((?:\s+\S+){0,3})$/u.exec(
      text,
    );
  if (numbers !== null) {
    const [, before = '', direction = '', from = '', to = '', after = ''] = numbers;
    const subject = before.trim() === '' ? 'it' : withDeterminer(before.trim());
    return `${subject} went ${direction === '' ? '' : `${direction} `}from ${from} to ${to}${after}`;
  }
  const arrow = text.indexOf(' → ');
  if (arrow >= 0) {
    const left = clauseFrom(text.slice(0, arrow));
    const rightText = text.slice(arrow + 3).trim();
    const rightWords = rightText.split(/\s+/).map(plainWord);
    const rightVerb = verbAt(rightWords);
    if (left === undefined) return clauseFrom(rightText);
    if (rightVerb === 0 || /^\p{L}{3,}[^su]s$/u.test(rightWords[0] ?? '')) {
      const doer = subjectlessVerbs.has(rightWords[0] ?? '') ? 'I' : 'it';
      return `${left}, and then ${doer} ${rightText.charAt(0).toLowerCase()}${rightText.slice(1)}`;
    }
    const right = clauseFrom(rightText) ?? rightText;
    return `${left}, which leads to ${right.replace(/^there (is|are) /, '')}`;
  }
  const words = text.split(/\s+/);
  const plain = words.map(plainWord);
  const first = plain[0] ?? '';
  const verb = verbAt(plain.map((word, index) => (/[()]/.test(words[index] ?? '') ? '' : word)));
  const score = /^\p{Lu}\S*.*\s\d+-\d+\s\p{Lu}/u.test(text) && verb < 0;
  const done = /^(\p{L}+ed):\s*(.*)$/u.exec(text);
  if (done !== null) return `I ${(done[1] ?? '').toLowerCase()} ${done[2] ?? ''}`;
  if (/^(please|could|would|thank)$/.test(first)) return text;
  if (score) return `the score was ${text}`;
  if (verb === 0) {
    const rest = lowered(text);
    // "posted to the group" is a passive; "need to tell" is not (a word in -ed has three letters before it).
    if (/^\p{L}{3,}ed$/u.test(first) && /^(by|to|in|on|at|for)$/.test(plain[1] ?? ''))
      return `it was ${rest}`;
    if (first.endsWith('ing')) return `I am ${rest}`;
    if (pronouns.has(plain[1] ?? '')) return rest;
    if (/n't$/.test(first) || requestVerbs.has(first)) return `I ${rest}`;
    if (subjectlessVerbs.has(first) || /ed$/.test(first)) return `I ${rest.replace(/^(\S+):/, '$1')}`;
    // "I'm around on Thursday" has its subject already.
    if (/^(i|we|you|they|he|she|it|that|there)['’]/.test(first)) return text;
    if (isPastTense(first, plain[1] ?? '')) return `I ${rest}`;
    if (mindVerbs.has(first)) return `I ${rest}`;
    // A base verb opens a note to self only in a lower-case note ("keep it polite"), never a sentence
    // written out ("Read the thread below.") or a subject with its own verb ("neighbour upstairs plays").
    const laterVerb = plain.slice(1).some((word) => /s$/.test(word) && wordTags(word).includes('VBZ'));
    if (isBaseVerb(first, plain[1] ?? '') && !laterVerb)
      return /^\p{Ll}/u.test(text) ? `I want to ${rest}` : text;
    return `it ${rest}`;
  }
  const stateAt = plain.findIndex(
    (word, index) =>
      (stateWords.has(word) ||
        /^\p{L}{3,}(ed|en)$/u.test(word) ||
        (/ing$/.test(word) && /s$/.test(plain[index - 1] ?? '')) ||
        // "smoke alarm beeping", "shoes too small": a doing or a quality after its noun.
        (index > 0 &&
          !/[()"“”]/.test(words[index] ?? '') &&
          ((/^\p{Ll}+ing$/u.test(words[index] ?? '') &&
            wordTags(word)[0] === 'VBG' &&
            !prepositionWords.has(plain[index - 1] ?? '') &&
            (index === plain.length - 1 ||
              /^\(/.test(words[index + 1] ?? '') ||
              (index === 1 && /^\p{Lu}\p{Ll}/u.test(words[0] ?? '')))) ||
            (adverbs.has(plain[index - 1] ?? '') && isAdjective(word))))) &&
      (index === 0 || !determinerWords.has(plain[index - 1] ?? '')),
  );
  if (verb > 0) {
    // "450 kept for paint": a number done to; "carpet already stained": a state.
    const passive = /^\d/.test(first) && verb === 1 && /(ed|kept|paid|spent|lost|sold)$/.test(plain[1] ?? '');
    const participle = /(ed|en)$/.test(plain[verb] ?? '');
    // "we mailed 30,000 letters": a pronoun is a doer, not a thing in a state.
    const state =
      participle &&
      !pronouns.has(first) &&
      (adverbs.has(plain[verb - 1] ?? '') || verb === plain.length - 1 || /^\d/.test(plain[verb + 1] ?? ''));
    // "just got a new job", "still want to stay polite": only adverbs before a verb of the writer's.
    const adverbsOnly = plain
      .slice(0, verb)
      .every((word) => adverbs.has(word) || /^(maybe|perhaps|probably|really)$/.test(word));
    if (!passive && !state && adverbsOnly && subjectlessVerbs.has(plain[verb] ?? '')) {
      return /ing$/.test(plain[verb] ?? '') ? `I am ${lowered(text)}` : `I ${lowered(text)}`;
    }
    if (!passive && !state) return pronouns.has(first) ? text : withDeterminer(lowerCommon(text));
  }
  const state = verb > 0 ? verb : stateAt;
  if (state === 0 && (plain.length === 1 || stateWords.has(first) || prepositionWords.has(plain[1] ?? ''))) {
    const word = plain[0] ?? '';
    const past = /(ed|en)$/.test(word) || ['done', 'set', 'gone'].includes(word);
    return `it ${past ? 'was' : 'is'} ${lowered(text)}`;
  }
  if (state > 0) {
    let at = state;
    while (at > 1 && adverbs.has(plain[at - 1] ?? '')) at -= 1;
    const subject = words.slice(0, at).join(' ');
    const head = plain[at - 1] ?? '';
    const word = plain[state] ?? '';
    const rest = words.slice(at).join(' ');
    const past = /(ed|en|kept|paid|spent|lost|sold)$/.test(word) || ['done', 'set', 'gone'].includes(word);
    const verbWord = past ? (plural(head) ? 'were' : 'was') : plural(head) ? 'are' : 'is';
    return `${withDeterminer(lowerCommon(subject))} ${verbWord} ${rest}`;
  }
  // "urgent" → "it is urgent"; "happy to let the plumber in" → "I am happy to ...".
  if (isAdjective(first) && !determinerWords.has(first)) {
    if (plain.length === 1) return `it is ${lowered(text)}`;
    if (feelingWords.test(first) && /^(to|for|about|with|that)$/.test(plain[1] ?? ''))
      return `I am ${lowered(text)}`;
  }
  const before = plain.findIndex((word) => prepositionWords.has(word));
  const head = plain[(before > 0 ? before : plain.length) - 1] ?? '';
  const many =
    (plural(head) && !/^(no|a|an|one)$/.test(first)) ||
    /^([2-9]|\d\d+|two|three|four|five|several|many)$/.test(first);
  return `there ${many ? 'are' : 'is'} ${lowerCommon(text)}`;
}

/** The first word in lower case when it is a common word capitalized only as a note's opener. */
function lowerCommon(text: string): string {
  const first = text.split(/\s+/)[0] ?? '';
  return /^\p{Lu}\p{Ll}+$/u.test(first) && isCommonWord(first)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

/**
 * One note fragment as a sentence of prose: shorthand spelled out ("@" → "at", "wks" → "weeks",
 * arrows → "went from ... to", "and then", "leads to"), a keyed note read as a sentence ("Big issue:
 * only 8 signers" → "The big issue is only 8 signers."), a heading key ("Abstract:") dropped, every
 * clause given a subject and a verb (`clauseFrom`: "window frame rotten" → "The window frame is
 * rotten."), a note to self made a request ("ask authors..." → "Please ask authors..."), first letter
 * capitalized and a final period added. A fragment that is already a sentence keeps its words.
 *
 * @example
 * proseFromFragment('boiler broken 2 wks -> no hot water');
 * // 'The boiler was broken 2 weeks, which leads to no hot water.'
 */
export function proseFromFragment(fragment: string): string {
  let text = spellOut(fragment.trim().replace(/^(?:[-+•*]|\d+[.)])\s+/, '')).replace(/^→\s*/, '');
  // NOTE: a fragment ending in a closed quote or bracket (`"before it's too late."`) is already ended.
  const mark = /[.!?]["'”’)\]]+$/u.test(text) ? '' : (/([!?])$/.exec(text)?.[1] ?? '.');
  text = text.replace(/[.!?]+$/, '');
  const firstWord = plainWord(text.split(' ')[0] ?? '');
  if (/^ask:/i.test(text))
    return capitalize(
      ensureTerminal(`I would like to ask for the following: ${text.slice(4).trim()}${mark}`),
    );
  if (requestVerbs.has(firstWord) && !/^\S+:/.test(text))
    return capitalize(ensureTerminal(`Please ${lowered(text)}${mark}`));
  const keyed = /^([\p{L}][\p{L}\p{N}.' -]{0,32}?)\s*(?::|\s-\s|\s–\s)\s*(\S.*)$/u.exec(text);
  if (keyed !== null) {
    const key = (keyed[1] ?? '').trim();
    const value = (keyed[2] ?? '').trim();
    if (headingKeys.has(key.toLowerCase())) return proseFromFragment(value);
    if (key.split(' ').length <= 5 && verbAt(key.split(' ').map(plainWord)) < 0)
      return keyedSentence(key, value, mark);
  }
  return capitalize(ensureTerminal(`${clauses(text)}${mark}`));
}

/** Words that open a phrase that is not a clause ("in a field trial", "with a similar rate"). */
const phraseOpeners = new Set([
  ...prepositionWords,
  'during',
  'within',
  'between',
  'among',
  'through',
  'since',
  'despite',
  'unlike',
  'into',
  'per',
]);

/** True for a part that is a phrase to attach, not a clause ("in a 10-week trial"; not "over 40 people"). */
function isPhrase(part: string): boolean {
  const words = part.trim().split(/\s+/).map(plainWord);
  const first = words[0] ?? '';
  return (
    phraseOpeners.has(first) &&
    words.length > 1 &&
    !(/^(over|under|about)$/.test(first) && /^\d/.test(words[1] ?? ''))
  );
}

/**
 * A fragment's comma-separated parts as clauses, a list of bare nouns kept as one list. A phrase part ("in a field trial", "with a similar rate") is attached to the clause it
 * introduces or follows, never made a clause of its own.
 */
function clauses(text: string): string {
  // A question or a sentence that has its subject and verb stays as written.
  const words = text.split(/\s+/).map(plainWord);
  if (pronouns.has(words[0] ?? '') && verbAt(words) === 1 && !text.includes(' → ')) return text;
  const arrow = text.indexOf(' → ');
  if (arrow >= 0 && text.slice(0, arrow).includes(',')) {
    const right = clauseFrom(text.slice(arrow + 3)) ?? '';
    const after = /^there (is|are) /.test(right)
      ? `which leads to ${right.replace(/^there (is|are) /, '')}`
      : `and then ${right}`;
    return `${clauses(text.slice(0, arrow))}, ${after}`;
  }
  const parts = text.replace(/\s[-–]\s/g, ', ').split(/,\s+(?![^()]*\))/);
  if (parts.every(isPhrase)) return verbAt(words) > 1 ? text : `it is ${lowered(text)}`;
  const made: string[] = [];
  let intro = '';
  for (const part of parts) {
    if (isPhrase(part)) {
      if (made.length === 0) intro = intro === '' ? part.trim() : `${intro}, ${part.trim()}`;
      else made[made.length - 1] = `${made[made.length - 1] ?? ''}, ${part.trim()}`;
      continue;
    }
    const clause = clauseFrom(part) ?? part;
    made.push(intro === '' ? clause : `${intro}, ${clause}`);
    intro = '';
  }
  const lists = made.every((clause) => /^there (is|are) /.test(clause));
  if (lists && made.length > 1 && made.length === parts.length) {
    const items = parts.map((part, index) => (index === 0 ? lowerCommon(part.trim()) : part.trim()));
    return `there are ${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
  }
  return made.reduce((sentence, clause, index) => {
    if (index === 0) return clause;
    const joined = /^there (is|are) /.test(clause)
      ? clause.replace(/^there (is|are) /, 'there $1 also ')
      : clause;
    const joiner = conjunctions.has(plainWord(joined.split(/\s+/)[0] ?? '')) ? ', ' : undefined;
    return `${sentence}${joiner ?? (index === made.length - 1 ? ', and ' : ', ')}${joined}`;
  }, '');
}

/** "Key: value" as a sentence: the key is the subject of a verb value, or what the value is. */
function keyedSentence(key: string, value: string, mark: string): string {
  const lowerKey = key.toLowerCase();
  const plainValue = value.split(/\s+/).map(plainWord);
  const subject = /^one of the /.test(lowerKey)
    ? lowerKey
    : withDeterminer(/^\p{Lu}\p{Ll}/u.test(key) && !/\s\p{Lu}/u.test(key) ? lowerKey : key);
  // A title or quote stays as written.
  if (/^["“]/.test(value) || /^(title|paper|project|topic)$/.test(lowerKey) || /^one of the /.test(lowerKey))
    return capitalize(ensureTerminal(`${subject} is ${value}${mark}`));
  // A value opening with a participle is the key's state ("temp fix: tied with rope"), so the word
  // classes that find a subjectless verb are not used here.
  if (verbAt(plainValue, false) === 0) return capitalize(ensureTerminal(`${subject} ${value}${mark}`));
  const clause = clauses(value);
  if (/^there (is|are) /.test(clause)) {
    const be = /^one of the /.test(lowerKey)
      ? 'is'
      : plural(plainWord(lowerKey.split(' ').pop() ?? ''))
        ? 'are'
        : 'is';
    return capitalize(ensureTerminal(`${subject} ${be} ${clause.replace(/^there (is|are) /, '')}${mark}`));
  }
  return capitalize(ensureTerminal(`As for ${lowered(subject)}, ${clause}${mark}`));
}

function lowered(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) && !/^I\b/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}
