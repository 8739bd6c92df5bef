import { describe, expect, it } from 'vitest';
import { phraseBranches } from '../../shared/triage/rules/compile-phrases';
import { PhraseFileError, phraseFile, phraseReader } from '../../shared/triage/rules/phrase-file';
import { TABLES, phraseLines } from '../../shared/triage/rules/tables';
import { triagePhrases } from '../../scripts/generate-triage-tables';

describe('Module: phrase-file', () => {
  it('reads back every branch it writes, byte for byte', () => {
    // Prepare
    const { branches } = phraseBranches(['chest pain\t0', 'chest tight\t0', 'back pain\t3', 'numb\t4,5']);

    // Act
    const linesOf = phraseReader(phraseFile(branches));

    // Assess
    for (const [word, lines] of Object.entries(branches)) expect(linesOf(word)).toBe(lines);
    expect(linesOf('chest')).toBe('0\tchest pain\t0\n1\tchest tight\t0');
    expect(linesOf('numb')).toBe('3\tnumb\t4,5');
  });

  it('finds nothing for a word no phrase starts with, a prototype key included', () => {
    // Prepare
    const linesOf = phraseReader(phraseFile({ back: '75\tback pain\t3' }));

    // Act & Assess
    for (const word of ['pain', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'back\n', 'back:0', 'back:', 'ack', 'back 0', ' back', ':0'])
      expect(linesOf(word)).toBeUndefined();
  });

  it('reads a branch without phrases as empty', () => {
    // Act
    const linesOf = phraseReader(phraseFile({ a: '', b: '1\tb c\t0' }));

    // Assess
    expect(linesOf('a')).toBe('');
    expect(linesOf('b')).toBe('1\tb c\t0');
  });

  it('refuses an index that does not point at its word (files from two builds)', () => {
    // Prepare
    const { text, index } = phraseFile({ back: '75\tback pain\t3', chest: '0\tchest pain\t0' });

    // Act & Assess
    expect(() => phraseReader({ text, index: index.replace(/chest:(\d+)/, (_, at) => `chest:${Number(at) + 1}`) })('chest')).toThrow(PhraseFileError);
    expect(() => phraseReader({ text: text.slice(1), index })('chest')).toThrow(PhraseFileError);
  });

  it('refuses a first word that would break the index', () => {
    // Act & Assess
    for (const word of ['back pain', 'back:0', 'a\tb', '']) expect(() => phraseFile({ [word]: '1\tx\t0' })).toThrow(PhraseFileError);
  });

  it('finds a word that is the end of another first word in its own block', () => {
    // Prepare: " pain:" must not be found inside " backpain:"
    const linesOf = phraseReader(phraseFile({ backpain: '0\tbackpain\t1', pain: '1\tpain\t2' }));

    // Act & Assess
    expect(linesOf('pain')).toBe('1\tpain\t2');
    expect(linesOf('backpain')).toBe('0\tbackpain\t1');
  });

  it('gives the engine, from the shipped files, the branches of every first word in the source', () => {
    // Prepare
    const source = phraseReader({ text: triagePhrases(), index: TABLES.PHRASE_INDEX });
    const words = TABLES.PHRASE_INDEX.trim()
      .split(' ')
      .map((entry) => entry.split(':')[0]!);

    // Assess
    expect(words.length).toBeGreaterThan(1000);
    for (const word of words) {
      const lines = phraseLines(word);
      expect(lines).toBe(source(word));
      for (const line of lines!.split('\n')) expect(line).toMatch(new RegExp(`^\\d+\\t${word}( [a-z0-9 ]+)?\\t\\d+(,\\d+)*,?$`));
    }
  });
});
