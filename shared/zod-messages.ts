import type { $ZodRawIssue } from 'zod/v4/core';

const UNITS: Readonly<Record<string, string>> = { string: ' characters', array: ' items' };

/**
 * The English messages callers see in a 400's `details`, written here rather than taken from zod's
 * locale (`zod/v4/locales/en`, ~2.7 KB in every route's bundle, most of it for formats we never
 * use). A message names what was expected, never the value sent: that may be a password or PHI.
 * A schema's own message (e.g. a regex's) wins over these.
 */
export const validationMessage = (issue: $ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}`;
    case 'invalid_value':
      return `Invalid option: expected one of ${issue.values.map((value) => JSON.stringify(value)).join('|')}`;
    case 'too_big':
      return `Too big: expected at most ${issue.maximum}${UNITS[issue.origin] ?? ''}`;
    case 'too_small':
      return `Too small: expected at least ${issue.minimum}${UNITS[issue.origin] ?? ''}`;
    case 'invalid_format':
      return `Invalid ${issue.format === 'regex' ? 'format' : issue.format}`;
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map((key) => key.slice(0, 64)).join(', ')}`;
    default:
      return 'Invalid input';
  }
};
