import { styleAtoms } from './atoms/atom-registry.js';
import type { AtomRequirement } from './atoms/atom-requirement.js';
import { requirementKey, sortRequirements } from './atoms/atom-requirement.js';
import { getAtom } from './atoms/atom-registry.js';
import { BoundedCache } from './text/bounded-cache.js';
import { escapeRegExp } from './text/replace-words.js';
import { wordSet } from './text/word-set.js';

/** What the offline writer answers when no atom stands out. Parses to no requirement. */
export const noPreferencePhrase = 'no clear preference';
const emptyPhrases = [noPreferencePhrase, 'no preference', 'no particular preference', 'none'];

/** A preference text read as atoms. */
export interface ParsedPreference {
  /** Requirements in order of first mention, without duplicates. */
  readonly requirements: readonly AtomRequirement[];
  /** Words that match no atom phrase (after ignoring filler such as "style", "tone", "with"). */
  readonly unknown: readonly string[];
  /** Negated phrases ("no storytelling") whose atom has no remove editor. */
  readonly unavoidable: readonly string[];
}

/** Lower case, no quotes or periods, "&" as "and", hyphens and slashes as spaces. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/tl;\s?dr/g, 'tldr')
    .replace(/\bp\.\s?s\b\.?/g, 'ps')
    .replace(/[’‘`]/g, "'")
    .replace(/[“”"]/g, ' ')
    .replace(/(\p{L})'(\p{L})/gu, '$1$2')
    .replace(/'/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/\./g, '')
    .replace(/[-_/()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface LexiconEntry {
  readonly phrase: string;
  readonly pattern: RegExp;
  readonly atoms: readonly string[];
}

const lexicon: readonly LexiconEntry[] = (() => {
  const atomsByPhrase = new Map<string, string[]>();
  for (const atom of styleAtoms) {
    for (const phrase of atom.phrases) {
      const key = normalize(phrase);
      const list = atomsByPhrase.get(key) ?? [];
      if (!list.includes(atom.id)) list.push(atom.id);
      atomsByPhrase.set(key, list);
    }
  }
  for (const phrase of emptyPhrases) atomsByPhrase.set(normalize(phrase), []);
  return [...atomsByPhrase.entries()]
    .sort((left, right) => right[0].length - left[0].length)
    .map(([phrase, atoms]) => ({
      phrase,
      atoms,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'gu'),
    }));
})();

/** Every phrase the parser knows, for error messages and documentation. */
export const knownPhrases: readonly string[] = lexicon.map((entry) => entry.phrase).sort();

const negation =
  /(?:^|\s)(?:no|avoid|avoiding|without|not|never|skip|drop|remove|dont|do not|stop|less|fewer)(?:\s+(?:use|using|any|include|including|add|adding|the|a|an|more|too))*\s*$/;
const filler = wordSet(
  'a an the and or with in of to more very be keep it its is are that for on some lots lot plenty also always ' +
    'should use uses using style styles tone language writing written format formatting please prefer prefers ' +
    'preferred like likes user include includes including add make text overall which into by as at invoke ' +
    'no avoid avoiding without not never skip drop remove dont do stop less fewer',
);

/**
 * Read a free preference text ("bullet points, brief, no emojis") as atom requirements. Components
 * are separated by commas, semicolons, line breaks or sentence ends; within a component the longest
 * known phrases win, and a negation just before a phrase ("no", "avoid", "without", "don't use")
 * turns it into an avoided atom. Unknown words and unavoidable negations are reported, not thrown:
 * the offline writer ignores them, strict callers (simulated user, preference map loaders) reject them.
 *
 * @example
 * atomsForPreferenceText('bullet points, avoid emojis').requirements
 * // [{ atom: 'bullet-points', avoid: false }, { atom: 'with-emojis', avoid: true }]
 */
export function atomsForPreferenceText(text: string): ParsedPreference {
  return parsedCache.getOrSet(text, () => parse(text));
}

const parsedCache = new BoundedCache<string, ParsedPreference>(4096);

function parse(text: string): ParsedPreference {
  const requirements: AtomRequirement[] = [];
  const unknown: string[] = [];
  const unavoidable: string[] = [];
  const components = text
    .replace(/tl;\s?dr/gi, 'tldr')
    .replace(/\bp\.\s?s\b\.?/gi, 'ps')
    .split(/[,;\n]|\.(?:\s|$)|\band\s+(?=(?:no|avoid|without)\b)/i);
  for (const raw of components) {
    const component = normalize(raw);
    if (component === '') continue;
    const taken = new Array<boolean>(component.length).fill(false);
    const found: { start: number; end: number; atoms: readonly string[]; phrase: string }[] = [];
    for (const entry of lexicon) {
      if (!component.includes(entry.phrase)) continue;
      for (const match of component.matchAll(entry.pattern)) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        if (taken.slice(start, end).some(Boolean)) continue;
        taken.fill(true, start, end);
        found.push({ start, end, atoms: entry.atoms, phrase: entry.phrase });
      }
    }
    found.sort((left, right) => left.start - right.start);
    let previousEnd = 0;
    for (const match of found) {
      const before = component.slice(previousEnd, match.start);
      const avoid = negation.test(before);
      previousEnd = match.end;
      for (const atom of match.atoms) {
        if (avoid && getAtom(atom).remove === undefined) {
          unavoidable.push(`${before.trim()} ${match.phrase}`.trim());
          continue;
        }
        const requirement = { atom, avoid };
        if (!requirements.some((other) => requirementKey(other) === requirementKey(requirement)))
          requirements.push(requirement);
      }
    }
    const leftover = [...component].map((character, index) => (taken[index] ? ' ' : character)).join('');
    const words = leftover.split(/\s+/).filter((word) => word !== '' && !filler.has(word));
    if (words.length > 0) unknown.push(words.join(' '));
  }
  return Object.freeze({
    requirements: Object.freeze(requirements),
    unknown: Object.freeze(unknown),
    unavoidable: Object.freeze(unavoidable),
  });
}

/**
 * Phrase requirements as a preference text that `atomsForPreferenceText` reads back to the same
 * requirements: each atom's canonical phrase (or avoid phrase), in the fixed order, comma-separated.
 */
export function preferenceTextFor(requirements: readonly AtomRequirement[]): string {
  if (requirements.length === 0) return noPreferencePhrase;
  return sortRequirements(requirements)
    .map((requirement) => {
      const atom = getAtom(requirement.atom);
      return requirement.avoid
        ? (atom.avoidPhrase ?? `no ${atom.phrases[0] ?? atom.id}`)
        : (atom.phrases[0] ?? atom.id);
    })
    .join(', ');
}
