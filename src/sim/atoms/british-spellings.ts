import { matchCase } from '../text/replace-words.js';

/** American spelling → British spelling, for words the -ize/-yze rule does not cover. */
const table: Readonly<Record<string, string>> = {
  color: 'colour',
  colors: 'colours',
  colored: 'coloured',
  colorful: 'colourful',
  favorite: 'favourite',
  favorites: 'favourites',
  honor: 'honour',
  honors: 'honours',
  honored: 'honoured',
  labor: 'labour',
  neighbor: 'neighbour',
  neighbors: 'neighbours',
  neighborhood: 'neighbourhood',
  neighborhoods: 'neighbourhoods',
  behavior: 'behaviour',
  behaviors: 'behaviours',
  behavioral: 'behavioural',
  humor: 'humour',
  flavor: 'flavour',
  flavors: 'flavours',
  harbor: 'harbour',
  rumor: 'rumour',
  rumors: 'rumours',
  vapor: 'vapour',
  savior: 'saviour',
  endeavor: 'endeavour',
  center: 'centre',
  centers: 'centres',
  centered: 'centred',
  theater: 'theatre',
  theaters: 'theatres',
  meter: 'metre',
  meters: 'metres',
  kilometer: 'kilometre',
  kilometers: 'kilometres',
  centimeter: 'centimetre',
  centimeters: 'centimetres',
  millimeter: 'millimetre',
  millimeters: 'millimetres',
  liter: 'litre',
  liters: 'litres',
  fiber: 'fibre',
  fibers: 'fibres',
  caliber: 'calibre',
  defense: 'defence',
  offense: 'offence',
  license: 'licence',
  pretense: 'pretence',
  modeling: 'modelling',
  modeled: 'modelled',
  traveled: 'travelled',
  traveling: 'travelling',
  traveler: 'traveller',
  travelers: 'travellers',
  canceled: 'cancelled',
  canceling: 'cancelling',
  labeled: 'labelled',
  labeling: 'labelling',
  fueled: 'fuelled',
  signaled: 'signalled',
  leveled: 'levelled',
  counselor: 'counsellor',
  jewelry: 'jewellery',
  gray: 'grey',
  catalog: 'catalogue',
  dialog: 'dialogue',
  aging: 'ageing',
  mom: 'mum',
  moms: 'mums',
  math: 'maths',
  fulfill: 'fulfil',
  enroll: 'enrol',
  aluminum: 'aluminium',
  pediatric: 'paediatric',
  anemia: 'anaemia',
  maneuver: 'manoeuvre',
  plow: 'plough',
  skeptical: 'sceptical',
};

const exceptions = new Set([
  'size',
  'sizes',
  'sized',
  'prize',
  'prizes',
  'seize',
  'seized',
  'seizes',
  'capsize',
  'oversize',
  'downsize',
  'resize',
  'resized',
  'maize',
  'baize',
  'citizen',
  'citizens',
  'supersize',
  'belize',
]);

/** The British spelling of a lower-case word, or undefined when it has none. */
function britishOf(word: string): string | undefined {
  const fromTable = table[word];
  if (fromTable !== undefined) return fromTable;
  if (exceptions.has(word)) return undefined;
  const ize = /^(\p{L}{3,})iz(e|es|ed|ing|ation|ations|er|ers)$/u.exec(word);
  if (ize !== null) return `${ize[1]}is${ize[2]}`;
  const yze = /^(\p{L}{2,})yz(e|es|ed|ing|er|ers)$/u.exec(word);
  if (yze !== null) return `${yze[1]}ys${yze[2]}`;
  return undefined;
}

const wordPattern = /(?<![\p{L}#])\p{L}+(?![\p{L}])/gu;
const candidatePattern = new RegExp(
  `(?<![\\p{L}#])(?:${Object.keys(table).join('|')}|\\p{L}{2,}[iy]z(?:e|es|ed|ing|ation|ations|er|ers))(?![\\p{L}])`,
  'giu',
);

/** True when the text holds an American spelling with a British form. */
export function hasAmericanSpelling(text: string): boolean {
  for (const match of text.matchAll(candidatePattern))
    if (britishOf(match[0].toLowerCase()) !== undefined) return true;
  return false;
}

/** Replace American spellings by British ones, keeping case. */
export function toBritishSpelling(text: string): string {
  return text.replace(wordPattern, (word) => {
    const british = britishOf(word.toLowerCase());
    return british === undefined ? word : matchCase(word, british);
  });
}
