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
 * and its index, first word → the offset of its block, a field of the JSON tables (`PHRASE_INDEX`).
 *
 * Why not the branches themselves in the JSON: they are three quarters of the tables' bytes, and
 * `JSON.parse` scans every character of every string, about 2 ms of every triage function's cold
 * start. Read as text, the file is one copy; the index is a small object `JSON.parse` builds in
 * native code (finding the blocks with a loop at load cost more, ~1.5 ms of not-yet-optimised
 * JavaScript); and a block is sliced and split into phrases only when a request reads its word
 * (text.ts). A phrase line starts with its table order, a digit, so a line starting `# ` always
 * opens a block.
 */
const HEADER = '# ';

/** The file's text and its index. */
export interface PhraseFile {
  readonly text: string;
  /** First word → the offset of its block's header line in `text`. */
  readonly index: Readonly<Record<string, number>>;
}

/**
 * The file for `branches` (first word → its lines), in their order.
 *
 * @example
 * phraseFile({ back: '75\tback pain\t3' }); // { text: '# back\n75\tback pain\t3\n', index: { back: 0 } }
 */
export const phraseFile = (branches: Readonly<Record<string, string>>): PhraseFile => {
  let text = '';
  const index: Record<string, number> = {};
  for (const [word, lines] of Object.entries(branches)) {
    index[word] = text.length;
    text += `${HEADER}${word}\n${lines}\n`;
  }
  return { text, index };
};

/** Raised when the index does not point at its word's block: the two files are from different builds. */
export class PhraseFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhraseFileError';
  }
}

/**
 * A reader of a phrase file: a first word's lines (as `phraseBranches` wrote them), or `undefined`
 * when no phrase starts with it. Any string is a safe word: `constructor` or `__proto__` finds nothing.
 *
 * @example
 * const linesOf = phraseReader(file);
 * linesOf('back'); // '75\tback pain\t3'
 */
export const phraseReader =
  ({ text, index }: PhraseFile) =>
  (word: string): string | undefined => {
    if (!Object.hasOwn(index, word)) return undefined;
    const header = `${HEADER}${word}\n`;
    const at = index[word]!;
    if (!text.startsWith(header, at)) throw new PhraseFileError(`The phrase index does not match the phrase file at "${word}"`);
    const start = at + header.length;
    const next = text.indexOf(`\n${HEADER}`, start - 1);
    return text.slice(start, next === -1 ? text.length - 1 : next);
  };
