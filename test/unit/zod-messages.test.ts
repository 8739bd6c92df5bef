import { describe, expect, it } from 'vitest';
import * as z from '../../shared/zod';

const messagesOf = (schema: z.ZodMiniType, input: unknown): string[] => {
  const result = z.safeParse(schema, input);
  if (result.success) throw new Error('expected the input to be refused');
  return result.error.issues.map((issue) => issue.message);
};

describe('Function: validationMessage', () => {
  it('says what was expected for each kind of refusal', () => {
    // Prepare
    const schema = z.strictObject({
      name: z.string().check(z.minLength(2), z.maxLength(5)),
      tags: z.array(z.string()).check(z.maxLength(1)),
      kind: z.enum(['a', 'b']),
      id: z.uuid(),
      age: z.number(),
    });

    // Act
    const messages = messagesOf(schema, { name: 'toolongname', tags: ['x', 'y'], kind: 'c', id: 'nope', age: '3', extra: 1 });

    // Assess
    expect(messages.sort()).toEqual(
      [
        'Too big: expected at most 5 characters',
        'Too big: expected at most 1 items',
        'Invalid option: expected one of "a"|"b"',
        'Invalid uuid',
        'Invalid input: expected number',
        'Unrecognized key: extra',
      ].sort(),
    );
  });

  it('never repeats the value that was sent', () => {
    // Prepare
    const canary = 'Jane Canary, HIV positive';
    const schema = z.strictObject({ email: z.email(), code: z.string().check(z.regex(/^\d+$/)), n: z.number().check(z.lte(3)) });

    // Act
    const messages = messagesOf(schema, { email: canary, code: canary, n: 99 });

    // Assess
    for (const message of messages) {
      expect(message).not.toContain('Canary');
      expect(message).not.toContain('99');
    }
    expect(messages).toContain('Too big: expected at most 3');
  });

  it('keeps a schema’s own message', () => {
    // Act
    const messages = messagesOf(z.string().check(z.regex(/^\+\d+$/, 'must be an E.164 number')), 'x');

    // Assess
    expect(messages).toEqual(['must be an E.164 number']);
  });
});
