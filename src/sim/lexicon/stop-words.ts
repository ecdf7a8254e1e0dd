import { eng } from 'stopword';

/**
 * English function words, ignored when scoring salience and picking key terms: the English list of
 * the `stopword` package (npm, MIT licence; 108 words), general word knowledge rather than words drawn
 * from the project's corpus, with the contracted and possessive forms of its pronouns and auxiliaries,
 * and the clitics that the cost's tokenizer (`wordTokenize`) splits off them ("do", "n't").
 */
export const stopwords: ReadonlySet<string> = new Set([
  ...eng,
  ...'i me my we us our you your he him his she her it its they them their'.split(' '),
  ...(
    "i'm i've i'd i'll you're you've you'd you'll he's she's it's we're we've we'll they're they've they'll " +
    "that's there's what's who's let's don't doesn't didn't can't couldn't won't wouldn't isn't aren't wasn't " +
    "weren't hasn't haven't hadn't shouldn't"
  ).split(' '),
  ...["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"],
]);
