import type { FollowUpClassifier, FollowUpVerdict } from '../spec/index.js';
import { noUsage } from '../spec/index.js';
import { atomsForPreferenceText, preferenceTextFor } from './preference-text.js';

/** Complaints and requests about length and tone that name no atom phrase, and what they ask for. */
const formCues: readonly (readonly [RegExp, string])[] = [
  [
    /\b(too long|way too long|shorter|more concise|shorten|trim it|cut it down|too wordy|too much text)\b/i,
    'brief',
  ],
  [/\b(less formal|more casual|too stiff|too formal|more relaxed|friendlier)\b/i, 'informal'],
  [/\b(more formal|more professional|too casual|too chatty)\b/i, 'professional tone'],
  [/\b(simpler words|simpler language|too complicated|plain english|less jargon)\b/i, 'simple English'],
  [/\b(get to the point|less fluff|skip the pleasantries|no small talk)\b/i, 'straight to the point'],
];

/** Words of a request or complaint about the answer itself. */
const requestCue =
  /\b(please|pls|can you|could you|would you|make it|use|no|without|don'?t|do not|stop|drop|lose|too|less|more|instead|rather|rewrite|redo|again|prefer|i'?d like|i want)\b/i;

const thanks =
  /\b(thanks|thank you|thx|cheers|perfect|great|exactly what|just what|looks good|love it|awesome|nice|brilliant|spot on)\b/i;

/**
 * The offline world's follow-up classifier: rules, deterministic, no model.
 * - feedback: a request or complaint cue ("please", "too", "no", "can you"...) together with a form the
 *   offline world knows — an atom phrase ("no bullet points", "use emojis") or a length or tone cue
 *   ("too long" → brief, "less formal" → informal); the components are the atoms' canonical phrases;
 * - satisfaction: thanks or praise with no request;
 * - neither: anything else (a new question, a request about content).
 *
 * @example
 * await rulesFollowUpClassifier.classify({ answer, followUp: 'please, no bullet points' });
 * // { kind: 'feedback', components: ['no bullet points'], usage: ... }
 */
export const rulesFollowUpClassifier: FollowUpClassifier = {
  async classify({ followUp }): Promise<FollowUpVerdict> {
    const text = followUp.trim();
    const cued = formCues.filter(([pattern]) => pattern.test(text)).map(([, component]) => component);
    // A cue is read once: "too formal" asks for informal, it does not name the atom "formal".
    const rest = formCues.reduce(
      (remaining, [pattern]) => remaining.replace(new RegExp(pattern.source, 'gi'), ' '),
      text,
    );
    const named = requestCue.test(text) ? atomsForPreferenceText(rest).requirements : [];
    const components = [...cued, ...(named.length === 0 ? [] : preferenceTextFor(named).split(', '))].filter(
      (component, index, all) => all.indexOf(component) === index,
    );
    if (components.length > 0) return { kind: 'feedback', components, usage: noUsage };
    if (thanks.test(text) && !/\?\s*$/.test(text))
      return { kind: 'satisfaction', components: [], usage: noUsage };
    return { kind: 'neither', components: [], usage: noUsage };
  },
};
