#!/usr/bin/python3
"""Records NLTK's tokens for the tokenizer fixtures in test/fixtures/nltk/ (issue 15 item 8).

Run from the repository root with Debian's NLTK (`apt-get install -y python3-nltk`, NLTK 3.8):

    /usr/bin/python3 scripts/record-nltk-fixtures.py

`word_tokenize(text)` is `sent_tokenize` (Punkt with NLTK's trained English model, from nltk_data)
followed by `NLTKWordTokenizer().tokenize` on each sentence. The trained model is not available
offline, so each record holds what NLTK can produce faithfully without it:

- `tokens` per sentence: `NLTKWordTokenizer().tokenize(sentence)`, the exact word rules of the
  installed NLTK (`word_tokenize(sentence, preserve_line=True)` gives the same list);
- `lineTokens`: `word_tokenize(text, preserve_line=True)`, the word rules over the whole text;
- `sentences`: NLTK's Punkt algorithm (`PunktSentenceTokenizer`) run with a stand-in model, the
  abbreviation and lower-case word lists of src/core/metrics/punkt-sentence-split.ts (read from
  it through `npx tsx`, and written into each file's first line). This checks our port of Punkt's
  algorithm, not the decisions of NLTK's English model.

Each output file starts with one `{"meta": ...}` line (NLTK and Python versions, the stand-in
model) followed by one record per text.
"""

import glob
import json
import os
import platform
import random
import subprocess
import sys

import nltk
from nltk.tokenize import NLTKWordTokenizer, word_tokenize
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "nltk")

# Bit NLTK's Punkt uses for "seen with a lower-case first letter in the middle of a sentence".
ORTHO_MID_LC = 1 << 5

# Hand-written cases where tokenizers commonly differ. Each is a text, as a user or a model would
# write it; none is taken from NLTK's tests.
TRICKY = [
    # Quotes: straight, doubled, curly, guillemets, at starts, ends, after newlines and brackets.
    '"Start here," she said. "And end there."',
    'He said "Go." Then he left.',
    "x\n\"quoted\" line and (\"bracketed\") [''doubled'']",
    "She wrote 'a' and 'b', then 'hello' and 'twas over.",
    "'Tis true. 'Twas so. 'tis fine",
    "Rock 'n' roll, the '90s, and o'clock.",
    "The dogs' bones and the boss's car. James' hat.",
    "“Curly” quotes and ‘single’ ones, «guillemets» and „low” ones.",
    "It's ‘quoted’—really.",
    "``Backticks'' as in TeX, and a `single` one.",
    'He asked: "Why?" "Because!" came the answer.',
    '"Quote at the very start',
    'A quote at the very end"',
    # Dashes: hyphen, double hyphen, en and em dashes, figure dash, horizontal bar, minus signs.
    "He--the man--left. She -- the woman -- stayed.",
    "Pages 10–12 — and more—much more ― here; call 555‒0199.",
    "A well-known, self-made co-founder; -5 degrees and - a list item",
    "- item one\n- item two\n-- item three",
    "Temperatures of −3 °C and 10 km/h.",
    # Contractions, including before a newline, a tab and the end of the text.
    "I don't know\nwhat you're on about.",
    "I can't\nsee it. We won't\n\ngo. They'd\tcome. You'll",
    "Don't stop, Mr. Smith. I'm sure you're right; we'll see.",
    "I LOVE IT!!! DON'T YOU? WE'RE HERE AND THEY'VE GONE.",
    "cannot gonna gotta wanna gimme lemme more'n d'ye go",
    "y'all ain't gonna believe it, ma'am; whaddya think? whatcha doing?",
    "It isn't, wasn't, shouldn't've been.",
    "the cat's\nhat and the dog's\n",
    # Abbreviations, initials and numbers near sentence ends.
    "I met Mr. Smith. He sat. Dr. Jones and Mrs. Lee arrived at 5 p.m. The end.",
    "Use e.g. apples, i.e. fruit. The U.S. economy grew. It's in the U.S. Then it shrank.",
    "Johann S. Bach wrote it. Then he left. Plan B. The end.",
    "It was 1999. The year ended. It rose 3. then fell.",
    "See No. 5 and Fig. 3 on p. 12. Vol. 2 is out. The sun set. I was ill. We said no. He sat.",
    "On Sun. and Sat. we rest. On Wed. we work. Mass. Ave. is long.",
    "Smith et al. showed it. Apples, pears, etc. The list ends. And so on etc. and more.",
    "Meet at St. Mary's on Jan. 5th. Acme Inc. and Foo Corp. merged. Ltd. companies too.",
    "Over there.Next to it. J.R.R. Tolkien wrote it. A.B. Smith too.",
    # Ellipses.
    "Wait... what? Well.. okay. So . . . yes. Hmm…really… fine.",
    "He paused... Then he spoke. And then... silence.",
    # URLs, emails, paths, handles.
    "Visit https://example.com/path?a=1&b=2#frag or www.example.org. Mail me at jo@example.com.",
    "See http://x.io/a_b-c. It works. Files at C:\\Users\\me and ./src/index.ts today.",
    # Numbers.
    "It costs 1,000 dollars, or 2,5 euros, or $3.88, or €4,50, or 1.5m. Call at 10:30, ok: done.",
    "Scores were 3-2, 10–7 and 1,234,567.89 in total; 50% rose by 0.5 pts. ±2 too.",
    "Version 2.0.1 shipped on 2024-01-05; see v3. Next.",
    # Emojis, hashtags, mentions, symbols.
    "Love it 🙂 thanks! So good🙂 #blessed #1 @home @jane_doe 👍🏽👍",
    "Big news!!! 🎉🎉 #launch #AI2024 Follow @acme. RT if you agree!",
    "Prices rose 5% at AT&T & co. #1 @home",
    "Stars *bold* and [link](url) {x} <y> a) first b) second",
    "Tabs\tand  multiple   spaces\u00a0and a no-break space.",
    "Line one\nLine two\r\nLine three\n\nNew paragraph.",
    "Odd spaces:\u2003em\u3000ideographic\u0085next line\u001cfile sep\ufeffbom\u200bzero-width. Done.",
    "A sentence ending in can't\u00a0now. Won't\u2028you? I'll\u0085go.",
    "What?! Really!!! Yes. (This is fine.) Next one.",
    "(How does it deal with this?)  \"It should be part of the\nprevious sentence.\" Next.",
    "He said: 'I won't.' She said, 'You will.'",
    "End with a colon: and a comma, and a semicolon; done,",
    "",
    " \n\t ",
]


# Pieces for the generated texts: words, clitics, abbreviations (kept and removed ones), initials,
# numbers, punctuation of every kind the rules treat specially, and separators.
FUZZ_WORDS = (
    "the a it was And But The She we They Then However I you no sun sat ill Mass fig hello world "
    "can't won't don't I'm you're we'll they've he'd cannot gonna wanna gimme 'tis 'Twas 'a 'hello "
    "dogs' boss's o'clock rock'n'roll y'all DON'T WE'RE Mr. Mrs. Dr. St. etc. e.g. i.e. U.S. "
    "a.m. p.m. Inc. Jan. No. Fig. Sun. vs. al. J. S. A.B. 1,000 3.14 10:30 1999. 3. 2,5 $3.88 "
    "50% 1–1 3-2 -5 v2.0.1 https://ex.com/a?b=1 www.ex.org jo@ex.com #tag @user 🙂 👍🏽 café naïve"
).split()
FUZZ_MARKS = (
    ". . . ... .. … ? ! ?! !!! , ; : -- — – ‒ ― - ( ) [ ] { } < > \" ' “ ” ‘ ’ « » „ ` `` '' * & % $"
).split()
FUZZ_SEPARATORS = [" "] * 8 + ["", "", "\n", "\n\n", "  ", "\t", "\u00a0", "\r\n"]


def generated_texts(count=400, seed=15):
    """Texts no one wrote: random sequences of the pieces above (same for every run)."""
    generator = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(generator.randint(3, 40)):
            pool = FUZZ_WORDS if generator.random() < 0.65 else FUZZ_MARKS
            parts.append(generator.choice(pool))
            parts.append(generator.choice(FUZZ_SEPARATORS))
        texts.append("".join(parts))
    return texts


def stand_in_model():
    """The stand-in Punkt lists, read from our TypeScript module."""
    code = (
        "import { punktStandInModel } from './src/core/metrics/punkt-sentence-split.ts';"
        "console.log(JSON.stringify(punktStandInModel));"
    )
    output = subprocess.run(
        ["npx", "tsx", "--eval", code], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    model = json.loads(output)
    return sorted(model["abbreviations"]), sorted(model["lowerCaseWords"])


def make_sentence_tokenizer(abbreviations, lower_case_words):
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    for word in lower_case_words:
        params.ortho_context[word] = ORTHO_MID_LC
    return PunktSentenceTokenizer(params)


def record(text, sentence_tokenizer, word_tokenizer, **fields):
    sentences = sentence_tokenizer.tokenize(text)
    return {
        **fields,
        "text": text,
        "lineTokens": word_tokenize(text, preserve_line=True),
        "sentences": [
            {"text": sentence, "tokens": word_tokenizer.tokenize(sentence)} for sentence in sentences
        ],
    }


def read_texts(pattern):
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    item = json.loads(line)
                    texts.append((os.path.relpath(path, ROOT), item["id"], item["text"]))
    return texts


def main():
    abbreviations, lower_case_words = stand_in_model()
    sentence_tokenizer = make_sentence_tokenizer(abbreviations, lower_case_words)
    word_tokenizer = NLTKWordTokenizer()
    meta = {
        "nltk": nltk.__version__,
        "python": platform.python_version(),
        "recordedBy": "scripts/record-nltk-fixtures.py",
        "wordRules": "NLTKWordTokenizer().tokenize (word_tokenize's word rules)",
        "sentenceSplitting": "PunktSentenceTokenizer with a stand-in model, not NLTK's English model",
        "standInModel": {"abbreviations": abbreviations, "lowerCaseWords": lower_case_words},
    }
    sets = {
        "corpus": read_texts("data/summarization/*.jsonl") + read_texts("data/email/*.jsonl"),
        "unseen": read_texts("test/fixtures/unseen/*.jsonl"),
        "plausible-text": read_texts("test/fixtures/plausible-text/*.jsonl"),
        "generated": [("scripts/record-nltk-fixtures.py", f"generated-{index + 1:03d}", text) for index, text in enumerate(generated_texts())],
        "tricky": [("scripts/record-nltk-fixtures.py", f"tricky-{index + 1:03d}", text) for index, text in enumerate(TRICKY)],
    }
    os.makedirs(OUT, exist_ok=True)
    for name, texts in sets.items():
        if not texts:
            continue
        path = os.path.join(OUT, f"{name}.jsonl")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(json.dumps({"meta": {**meta, "set": name}}, ensure_ascii=False, separators=(",", ":")) + "\n")
            for source, identifier, text in texts:
                item = record(text, sentence_tokenizer, word_tokenizer, file=source, id=identifier)
                handle.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n")
        tokens = sum(len(s["tokens"]) for line in open(path, encoding="utf-8") for s in json.loads(line).get("sentences", []))
        print(f"{os.path.relpath(path, ROOT)}: {len(texts)} texts, {tokens} tokens", file=sys.stderr)


if __name__ == "__main__":
    main()
