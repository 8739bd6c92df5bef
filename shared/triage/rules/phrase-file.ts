/**
 * The phrase file, `triage-phrases.generated.txt`: every phrase branch (`phraseBranches` in
 * compile-phrases.ts) as plain text, one block per first word:
 *
 * ```text
 * # back
 * 75	back pain	3
 * 76	back ach	3
 * ```
 *
 * and its index, a field of the JSON tables (`PHRASE_INDEX`): one string of `word:offset` entries,
 * each between spaces (` back:0 chest:31 `), the offset that of the word's block.
 *
 * Why this shape, measured at cold start (every function that runs the engine pays it):
 * - the branches in the JSON: `JSON.parse` scanned their 316 KB, about 2 ms;
 * - finding the blocks with a loop at load: ~1.5 ms of not-yet-optimised JavaScript;
 * - the index as a JSON object of ~1,760 keys: 0.6–1.5 ms, for `JSON.parse` to build it;
 * - the index as one string: `JSON.parse` copies it (~0.05 ms), and a lookup is one native
 *   `indexOf` over its 28 KB, made once per word by the engine's cache (text.ts).
 * A block is sliced and split into phrases only when a request reads its word. A phrase line starts
 * with its table order, a digit, so a line starting `# ` always opens a block.
 */
const HEADER = '# ';
/** A word the index can hold: no space or colon, its separators. */
const INDEXABLE = /^[^\s:]+$/;

/**
 * Raised when the index does not point at its word's block (the two files are from different builds),
 * or when a first word has a separator of the index in it.
 */
export class PhraseFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhraseFileError';
  }
}

/** The file's text and its index. */
export interface PhraseFile {
  readonly text: string;
  /** ` word:offset word:offset `: each first word, and the offset of its block's header line in `text`. */
  readonly index: string;
}

/**
 * The file for `branches` (first word → its lines), in their order.
 *
 * @example
 * phraseFile({ back: '75\tback pain\t3' }); // { text: '# back\n75\tback pain\t3\n', index: ' back:0 ' }
 */
export const phraseFile = (branches: Readonly<Record<string, string>>): PhraseFile => {
  let text = '';
  let index = ' ';
  for (const [word, lines] of Object.entries(branches)) {
    if (!INDEXABLE.test(word)) throw new PhraseFileError(`A phrase cannot start with "${word}": the index separates words with spaces and colons`);
    index += `${word}:${text.length} `;
    text += `${HEADER}${word}\n${lines}\n`;
  }
  return { text, index };
};

/**
 * A reader of a phrase file: a first word's lines (as `phraseBranches` wrote them), or `undefined`
 * when no phrase starts with it. Any string is a safe word: `constructor`, `__proto__` or `back:0` finds nothing.
 *
 * @example
 * const linesOf = phraseReader(file);
 * linesOf('back'); // '75\tback pain\t3'
 */
export const phraseReader =
  ({ text, index }: PhraseFile) =>
  (word: string): string | undefined => {
    if (!INDEXABLE.test(word)) return undefined;
    const key = ` ${word}:`;
    const entry = index.indexOf(key);
    if (entry === -1) return undefined;
    const header = `${HEADER}${word}\n`;
    const at = Number(index.slice(entry + key.length, index.indexOf(' ', entry + key.length)));
    if (!text.startsWith(header, at)) throw new PhraseFileError(`The phrase index does not match the phrase file at "${word}"`);
    const start = at + header.length;
    const next = text.indexOf(`\n${HEADER}`, start - 1);
    return text.slice(start, next === -1 ? text.length - 1 : next);
  };
