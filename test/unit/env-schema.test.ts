import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csv, envSchema, integer, matching, oneOf, optional, readConfig, text, url, withDefault } from '../../shared/env-schema';
import { ConfigError } from '../../shared/errors';

/** What `readConfig` throws for `env`, or `undefined`. */
const refusal = (read: () => unknown): string | undefined => {
  try {
    read();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
};

describe('Function: readConfig (env-schema)', () => {
  const schema = envSchema(
    {
      CAREBOW_STAGE: oneOf(['local', 'prod']),
      TABLE: text({ min: 3, max: 10 }),
      ENDPOINT: optional(url()),
      LANES: withDefault(integer(1, 16), 16),
      ORIGINS: withDefault(csv(), []),
      FROM: optional(matching(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address')),
    },
    (config, problem, deployed) => {
      if (deployed && config.ENDPOINT !== undefined) problem('ENDPOINT', 'is for the local stage');
    },
  );

  it('reads every variable: defaults for the absent, absent optionals left out, lists trimmed', () => {
    // Act
    const config = readConfig(schema, { CAREBOW_STAGE: 'local', TABLE: 'records', ORIGINS: ' https://a.example , ,https://b.example', OTHER: 'ignored' });

    // Assess
    expect(config).toEqual({ CAREBOW_STAGE: 'local', TABLE: 'records', LANES: 16, ORIGINS: ['https://a.example', 'https://b.example'] });
    expect(readConfig(schema, { CAREBOW_STAGE: 'local', TABLE: 'abc', LANES: '1', ENDPOINT: 'http://127.0.0.1:4567', FROM: 'n@a.example' })).toEqual({
      CAREBOW_STAGE: 'local',
      TABLE: 'abc',
      LANES: 1,
      ORIGINS: [],
      ENDPOINT: 'http://127.0.0.1:4567',
      FROM: 'n@a.example',
    });
  });

  it('names every bad variable at once, and what is wrong with it', () => {
    // Act
    const message = refusal(() => readConfig(schema, { CAREBOW_STAGE: 'qa', TABLE: 'ab', ENDPOINT: 'ftp://x', LANES: '17', FROM: 'nobody' }));

    // Assess
    expect(message).toBe(
      'Invalid configuration. CAREBOW_STAGE: must be one of local, prod; TABLE: must be at least 3 characters; ENDPOINT: must be an http or https URL; ' +
        'LANES: must be a whole number from 1 to 16; FROM: must be an e-mail address',
    );
    expect(refusal(() => readConfig(schema, {}))).toBe('Invalid configuration. CAREBOW_STAGE: is required; TABLE: is required');
  });

  it.each([
    ['', 'an empty string'],
    ['1.5', 'a fraction'],
    ['1e1', 'an exponent'],
    [' 8', 'a space'],
    ['0x8', 'hex'],
    ['99999999999999999999', 'too many digits'],
  ])('refuses %j as a whole number (%s)', (raw) => {
    expect(integer(1, 16).read(raw)).toEqual({ problem: 'must be a whole number from 1 to 16' });
  });

  it('checks a set but empty optional variable instead of treating it as absent', () => {
    // Act & Assess
    expect(refusal(() => readConfig(schema, { CAREBOW_STAGE: 'local', TABLE: 'abc', ENDPOINT: '' }))).toMatch(/ENDPOINT: must be an http or https URL/);
    expect(refusal(() => readConfig(schema, { CAREBOW_STAGE: 'local', TABLE: 'abc', FROM: '' }))).toMatch(/FROM: must be at least 1 character$/);
  });

  it('runs the rules across variables outside the local stage, and only once every variable reads', () => {
    // Act & Assess
    const deployed = { CAREBOW_STAGE: 'prod', TABLE: 'abc', ENDPOINT: 'http://127.0.0.1:4567' };
    expect(refusal(() => readConfig(schema, deployed))).toBe('Invalid configuration. ENDPOINT: is for the local stage');
    expect(refusal(() => readConfig(schema, { ...deployed, TABLE: 'x' }))).toBe('Invalid configuration. TABLE: must be at least 3 characters');
  });

  it('finds nothing under a prototype key: a variable named like one is absent unless the environment has it', () => {
    // Prepare
    const odd = envSchema({ constructor: optional(text()), toString: withDefault(text(), 'default') });

    // Act & Assess
    expect(readConfig(odd, {})).toEqual({ toString: 'default' });
  });

  it('never echoes a value back, and throws nothing but ConfigError, whatever the environment holds', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('CAREBOW_STAGE', 'TABLE', 'ENDPOINT', 'LANES', 'ORIGINS', 'FROM', 'OTHER'), fc.string({ maxLength: 40 })),
        (env) => {
          const canary = { ...env, TABLE: `${env['TABLE'] ?? ''}sk-canary-0123456789` };
          const message = refusal(() => readConfig(schema, canary));
          expect(message ?? '').not.toContain('sk-canary');
        },
      ),
      { seed: 20261127, numRuns: 500 },
    );
  });
});
