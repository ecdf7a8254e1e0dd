import type { Reviewer, ReviewRequest, ReviewResult } from '../spec/index.js';
import { noUsage } from '../spec/index.js';
import { applyRequirements, unmetRequirements } from './atoms/apply-requirements.js';
import { getAtom } from './atoms/atom-registry.js';
import type { AtomRequirement } from './atoms/atom-requirement.js';
import type { StyleAtom } from './atoms/style-atom.js';
import { reviseToStyle, unwantedAtoms } from './atoms/unwanted-atoms.js';
import type { SimulatedUser } from './simulated-user.js';
import { fnvHash } from './text/fnv-hash.js';

/** Ways to ask for a component ("{p}": its phrase), chosen by a hash of the context and the turn. */
const requests: readonly string[] = [
  '{p}, please',
  'could you make it {p}?',
  "I'd like it {p}, thanks",
  'please rewrite it: {p}',
  'can you go for {p} instead?',
];

/** Ways to object to a feature ("{p}": the phrase that avoids it, "no emojis"). */
const objections: readonly string[] = [
  '{p}, please',
  'please, {p}',
  'can you redo it with {p}?',
  '{p} next time, please',
];

/** Indirect complaints a person makes instead of naming the component (the offline classifier reads them). */
const indirect: Readonly<Record<string, readonly string[]>> = {
  brief: ['way too long for my phone', 'too wordy, can you cut it down?'],
  informal: ['this is too stiff, make it more relaxed'],
  'simple-english': ['too complicated, plain English please'],
};

function pick(options: readonly string[], key: string): string {
  return options[fnvHash(key) % options.length] ?? options[0]!;
}

/** The follow-up that asks for one requirement (or, `unwanted`, objects to one feature). */
export function followUpFor(
  requirement: AtomRequirement | { readonly unwanted: StyleAtom },
  key: string,
): string {
  if ('unwanted' in requirement) {
    const atom = requirement.unwanted;
    return pick(objections, key).replace('{p}', atom.avoidPhrase ?? `no ${atom.phrases[0] ?? atom.id}`);
  }
  const atom = getAtom(requirement.atom);
  if (requirement.avoid)
    return pick(objections, key).replace('{p}', atom.avoidPhrase ?? `no ${atom.phrases[0]}`);
  const ways = [...requests, ...(indirect[atom.id] ?? []).flatMap((way) => [way, way])];
  return pick(ways, key).replace('{p}', atom.phrases[0] ?? atom.id);
}

/**
 * The chat environment's simulated user (issue: learning from conversation): instead of editing the
 * answer, it replies with follow-ups until the answer suits it, each naming one thing it lacks or one
 * marked feature it did not ask for, in varied words (some indirect: "way too long for my phone"), and
 * the assistant revises with that one change. It judges with the rule-based user's latent preference
 * (`SimulatedUser`). The review's `edited` is the answer the user ended with (cost: its word edit
 * distance to the first answer), `followUps` the corrective turns; no follow-up means the first
 * answer was accepted (and thanked for).
 */
export class ChatUser implements Reviewer {
  constructor(
    private readonly user: SimulatedUser,
    private readonly maxTurns = 8,
  ) {}

  async review(options: ReviewRequest): Promise<ReviewResult> {
    const { task, context, output } = options;
    const { requirements } = this.user.latentPreference(context, task);
    const followUps: string[] = [];
    let current = output;
    for (let turn = 0; turn < this.maxTurns; turn += 1) {
      const key = `${context.id}:${turn}`;
      const [missing] = unmetRequirements(current, task, requirements);
      if (missing !== undefined) {
        followUps.push(followUpFor(missing, key));
        current = applyRequirements(current, task, [missing]);
        continue;
      }
      const [unwanted] = unwantedAtoms(current, task, requirements, context.text);
      if (unwanted === undefined || unwanted.remove === undefined) break;
      followUps.push(followUpFor({ unwanted }, key));
      current = unwanted.remove(current, task);
    }
    if (followUps.length === 0) return { accepted: true, edited: output, usage: noUsage, followUps };
    return {
      accepted: false,
      edited: reviseToStyle(current, task, requirements, context.text),
      usage: noUsage,
      followUps,
    };
  }
}
