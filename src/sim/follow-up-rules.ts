import type { FollowUpClassifier, FollowUpVerdict } from '../spec/index.js';
import { noUsage } from '../spec/index.js';
import { atomsForPreferenceText, knownPhrases, preferenceTextFor } from './preference-text.js';
import { wordSet } from './text/word-set.js';

/**
 * Complaints and requests about form that name no atom phrase (or name one the other way round: "too
 * many emojis"), and what they ask for. Read in order; a matched span is read once.
 * `longer` is no offline-world phrase: the offline writer ignores it, a model writer reads it.
 */
const formCues: readonly (readonly [RegExp, string])[] = [
  // Lists and paragraphs, before the atom phrases "bullets" and "numbered".
  [
    /\b(?:(?:not|no|instead of|rather than) (?:as |in )?(?:a |one )?(?:list|bullet list)|in prose|as (?:normal |full |plain |a )?(?:paragraphs?|prose)|write (?:it|them|this) out)\b/i,
    'no bullet points',
  ],
  [/\b(?:no need to|don'?t|do not|stop|no) number(?:ing)?\b/i, 'no numbered list'],
  [/\bnumber (?:the|them|each|those|these|it)\b/i, 'numbered list'],
  [
    /\b(?:make (?:it|this) (?:a|into a) list|(?:as|into|in) (?:a )?list(?: form)?|list (?:it|them) out|listicle)\b/i,
    'bullet points',
  ],
  // Length.
  [
    /\b(?:too short|too thin|(?:a bit |a little |much |bit )?longer|more detail(?:ed)?(?! (?:on|about|for|of)\b)|say more|elaborate|expand (?:on )?(?:it|this))\b/i,
    'longer',
  ],
  [
    /\b(?:long|run-on|run on) sentences|sentences are (?:\w+ )?long|break (?:them|the sentences|it) up|split (?:up )?(?:the |those |these )?sentences\b/i,
    'short sentences',
  ],
  [
    /\b(?:(?:way |far |much |so |too |overly |a bit |bit )?too long|overly long|way long|too lengthy|lengthy|long-?winded|too verbose|verbose|more concise|shorten|shorter|trim (?:it|this|that)?|cut (?:it|this) down|condense|boil (?:it |this )?down|too wordy|wordy|too much text|wall of text|tl;?dr\?|one-?liner|half the length|(?:under|max(?:imum)?|at most|no more than|fit in(?:to)?) (?:\d+|one|two|three|four|five|ten|a few) (?:words|characters|chars|lines|sentences)|\d+ (?:character|char|word) limit|not reading all (?:that|this))\b/i,
    'brief',
  ],
  [
    /\b(?:get to (?:the point|it)|less fluff|cut the fluff|skip the (?:intro|preamble|pleasantries|small talk)|without the (?:intro|preamble|pleasantries)|no (?:preamble|intro|small talk)|no small talk|waffle|filler|answer first|be more direct|more direct)\b/i,
    'straight to the point',
  ],
  // Tone.
  [
    /\b(?:less formal|more casual|too stiff|stiff|stuffy|too formal|more relaxed|relax it|friendlier|chill(?:er)?|warmer|less corporate|too corporate|robotic|(?:like|than) a robot|sound(?:s)? like (?:a |an )?(?:person|human|me)|like me talking|reads like (?:a |an )?(?:legal|formal|business|court|lawyer'?s?|corporate|government|bank)|(?:sounds|sound) like (?:a |an |my )?(?:lawyer|bank|contract|press release|government|legal))\b/i,
    'informal',
  ],
  [/\b(?:too jokey|too silly|less jokey|less silly|too goofy|too cute|no jokes)\b/i, 'no playful language'],
  [
    /\b(?:more formal|more professional|more polished|more serious|more businesslike|too casual|too chatty|(?:tone down|less|no) (?:the )?slang|too slangy)\b/i,
    'professional tone',
  ],
  [
    /\b(?:simpler words|simpler language|simpler terms|plain(?:er)? english|less jargon|no jargon|too much jargon|too complicated|too technical|(?:easier|simpler|normal|everyday|plain|smaller) (?:words|language|terms)|(?:big|fancy|long|technical|hard) words|explain (?:it |this )?like i'?m|non-?technical|layman'?s? terms|dumb it down|(?:don'?t|do not|can'?t) understand (?:half|most|any|some) (?:of )?(?:these|the|this|those)? ?words)\b/i,
    'simple English',
  ],
  [
    /\b(?:clearer|confusing|confused|hard to follow|(?:don'?t|do not|still don'?t|can'?t) get it)\b/i,
    'clear',
  ],
  [/\b(?:organi[sz]e (?:it|this)|needs? (?:some |more )?structure|more structure)\b/i, 'structured'],
  [
    /\b(?:show (?:some |more )?(?:feeling|emotion|heart)s?|more (?:feeling|emotion|heart)s?|too flat)\b/i,
    'show emotions',
  ],
  // Greeting and sign-off.
  [
    /\b(?:no|skip|drop|lose|remove|without|cut|no need for|get rid of)(?: the| a)? ["“']?(?:hi|hey|hello|dear|greeting)\b/i,
    'no greeting',
  ],
  [
    /\b(?:(?:no|skip|drop|lose|remove|without|cut|no need for|get rid of)(?: the| a)? ["“']?(?:sign[- ]?off|signature|best regards|kind regards|regards|closing line)|(?:don'?t|do not) (?:end|close|sign off) with)\b/i,
    'no closing',
  ],
  [
    /\b(?:end|close|finish|sign off) (?:it |the email |the message |the note )?(?:with|by) (?:a )?(?:thank|thanks|thanking)/i,
    'thankful closing',
  ],
  [/\b(?:proper|professional|formal) (?:sign[- ]?off|closing|signature)\b/i, 'professional closing'],
  // The summary line.
  [
    /\b(?:(?:a|one)[- ]line summary|summary line) (?:first|at the top|on top)|lead with (?:a |the )?(?:summary|tl;?dr)\b/i,
    'TL;DR line at the top',
  ],
];

/** Turns of phrase that object to what follows, read as the atom negation "no". */
const objections: readonly RegExp[] = [
  /\b(?:lose|ditch|get rid of|remove|cut out|kill|minus|too many|too much|so many|enough with|enough of|hate|not a fan of|no need for|no more|calm down with|tone down)\s+(?:the\s+|those\s+|these\s+|all\s+(?:the\s+|those\s+)?|any\s+|of\s+the\s+|your\s+|that\s+)?/gi,
  /\b(?:can we not|let'?s not|please don'?t|don'?t|do not|never)\s+(?:do|have|put|use|add|include|want)\s+(?:any\s+|the\s+|a\s+)?/gi,
  /\bwhy (?:the|all the|so many|is everything a|are there|all those)\s+/gi,
];

/** A feature named, then judged ("the hashtags are a bit much"): read as "no" and the feature. */
const judged =
  /\b(?:the|those|these|all the|all those)\s+([\p{L};'-]+(?:\s+[\p{L}'-]+){0,3}?)\s+(?:is|are|looks?|feels?|seems?)\s+(?:so\s+|kind of\s+|really\s+|just\s+)?(?:redundant|unnecessary|pointless|annoying|distracting|spammy|tacky|cringe|cringey|weird|odd|overkill|too much|a bit much)\b/giu;

/** Words of a request or complaint about the answer itself. */
const requestCue =
  /\b(please|pls|plz|can you|could you|would you|can we|make it|make this|use|no|without|don'?t|do not|stop|drop|lose|remove|ditch|get rid|skip|cut|keep|add|put|go for|switch to|too|less|more|instead|rather|rewrite|redo|again|prefer|i'?d like|i want|i need|needs? to|has to|have to|should|would be|easier|just|start|end|lead|next time|hate|why)\b/i;

/** Thanks and praise ("nailed it", "ty", "makes sense now"). */
const thanks =
  /(?:\b(?:thanks|thank (?:you|u)|thank youu+|thx|tx|ty|tysm|ta|cheers|perfect|great|exactly|just what|looks good|sounds good|(?:that'?s|so|very|really|pretty|all) good|good stuff|love it|love this|loved it|awesome|nice|brilliant|spot on|nailed it|(?:much|way|so much) better|you'?re the best|you rock|lovely|fab|fabulous|excellent|superb|wonderful|amazing|fantastic|delicious|can'?t wait|that works|(?:it|that) worked|worked|fixed it|that did it|makes sense|got it|appreciated?|slaps|lifesaver|helpful|this helps|helps a lot|good to know|merci|danke|gracias|grazie|parfait|perfecto|perfekt)\b|👍|🙏|🙌|😍|❤️|💯)/i;

/** A sentence or clause that asks something of its own: "how long is the warranty?", "is this great news or not?". */
const ownQuestion =
  /^\s*(?:and\s+|but\s+|so\s+|ok,?\s+|now,?\s+)?(?:what|which|who|whom|whose|when|where|how|is|are|was|were|does|do|did|should|shall|will|would it|isn'?t|aren'?t|can i|could i|may i|might)\b/i;

/** Words that may follow a form word when it is about the answer ("shorter please", "too casual for"). */
const formFollowers = wordSet(
  'please pls plz and or but though instead again next time this it its them me for version text reply answer ' +
    'message email note post one ones tone style overall thanks thank thx now enough like than then so as if with ' +
    'to at in by when while because since too also a an the my our your here there is yet ok okay',
);

/** Each known atom phrase, longest first ("tl;dr" as "tldr", "p.s." as "ps"). */
const phrasePatterns: readonly RegExp[] = [...knownPhrases]
  .sort((left, right) => right.length - left.length)
  .map(
    (phrase) =>
      new RegExp(
        `(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
        'giu',
      ),
  );

/**
 * Blank atom phrases that modify a content noun ("a brief note", "a formal dress code", "numbered
 * pages"); the longest phrase at a place is the one read ("numbered list please").
 */
function blankContentModifiers(text: string): string {
  const taken = new Array<boolean>(text.length).fill(false);
  const blanks: (readonly [number, number])[] = [];
  for (const pattern of phrasePatterns)
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      taken.fill(true, start, end);
      const next = /^ ([\p{L}']+)/u.exec(text.slice(end))?.[1];
      if (next !== undefined && !formFollowers.has(next.toLowerCase())) blanks.push([start, end]);
    }
  let result = text;
  for (const [start, end] of blanks)
    result = result.slice(0, start) + ' '.repeat(end - start) + result.slice(end);
  return result;
}

/** Sentences, with "P.S." as "ps", "TL;DR" as "tldr" and no break after "e.g." or "i.e.". */
function sentencesOf(text: string): string[] {
  return text
    .replace(/tl;\s?dr/gi, 'tldr')
    .replace(/\bp\.\s?s\b\.?/gi, 'ps')
    .replace(/\b(e\.g|i\.e|etc|vs)\./gi, '$1')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** The components one sentence asks for. */
function componentsOf(sentence: string): string[] {
  if (ownQuestion.test(sentence) && /\?\s*$/.test(sentence)) return [];
  // NOTE: after a contrast ("lovely, but…", "fun read, but…"), only the request counts, not the praise.
  const contrast = /\b(?:but|though|however|only thing|except)\b[,:]?/i.exec(sentence);
  if (contrast !== null) {
    const after = componentsOf(sentence.slice(contrast.index + contrast[0].length));
    if (after.length > 0) return after;
  }
  let text = sentence
    .replace(/\s*[“”"]+\s*/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/\b(bullet point|exclamation mark|exclamation point)(?!s)/gi, '$1s');
  text = text.replace(
    /\b(no|without|lose|drop|remove|skip|ditch)\s+(\S+(?:\s+\S+)?)\s+(?:or|nor)\s+(?!no\b)/gi,
    '$1 $2, $1 ',
  );
  const cued: string[] = [];
  for (const [pattern, component] of formCues) {
    const match = new RegExp(pattern.source, 'i').exec(text);
    if (match === null) continue;
    const next = /^ ([\p{L}']+)/u.exec(text.slice(match.index + match[0].length))?.[1];
    // NOTE: a one-word cue before a content noun is about content ("shorter commutes matter more").
    if (next !== undefined && !formFollowers.has(next.toLowerCase()) && /^[\p{L}'-]+$/u.test(match[0]))
      continue;
    cued.push(component);
    text = text.replace(new RegExp(pattern.source, 'gi'), ' ');
  }
  text = text.replace(/(\brather\b[^.?!]*?\bthan)\s+/gi, '$1 no ');
  text = text.replace(judged, ' no $1 ');
  for (const pattern of objections) text = text.replace(pattern, ' no ');
  text = blankContentModifiers(text);
  const named =
    requestCue.test(sentence) || requestCue.test(text) ? atomsForPreferenceText(text).requirements : [];
  return [...cued, ...(named.length === 0 ? [] : preferenceTextFor(named).split(', '))];
}

/** Whether a sentence thanks or praises in a clause that is no question of its own. */
function praises(sentence: string): boolean {
  const clauses = sentence.split(/(?<=[,;:!?])\s*|\s+-\s+/);
  return clauses.some(
    (clause, index) =>
      thanks.test(clause) &&
      !ownQuestion.test(clause) &&
      !(index === clauses.length - 1 && /\?\s*$/.test(clause)),
  );
}

/**
 * The offline world's follow-up classifier: rules, deterministic, no model. Sentence by sentence:
 * - feedback: a form cue ("too long" → brief, "less formal" → informal, "too many emojis" → no emojis,
 *   "not a list" → no bullet points), or a request or complaint cue ("please", "too", "no", "can you"...)
 *   together with an atom phrase of the offline world ("no bullet points", "use emojis"); an atom word
 *   that modifies a content noun ("a brief note", "a formal dress code") is no request about form, nor is a
 *   question of its own ("is a formal dress code required?"); after praise and a contrast ("love it,
 *   but…") only the request counts; the components are the atoms' canonical phrases;
 * - satisfaction: thanks or praise with no request, also before a new question ("thanks! also, when is…");
 * - neither: anything else (a new question, a request about content, a bare "ok").
 *
 * @example
 * await rulesFollowUpClassifier.classify({ answer, followUp: 'please, no bullet points' });
 * // { kind: 'feedback', components: ['no bullet points'], usage: ... }
 */
export const rulesFollowUpClassifier: FollowUpClassifier = {
  async classify({ followUp }): Promise<FollowUpVerdict> {
    const sentences = sentencesOf(followUp);
    const components = sentences
      .flatMap(componentsOf)
      .filter((component, index, all) => all.indexOf(component) === index);
    if (components.length > 0) return { kind: 'feedback', components, usage: noUsage };
    if (sentences.some(praises)) return { kind: 'satisfaction', components: [], usage: noUsage };
    return { kind: 'neither', components: [], usage: noUsage };
  },
};
