import { ConfigError } from './errors';

/**
 * Schemas of environment variables, and `readConfig`: how every function reads its configuration at
 * cold start (the sections are in `config.ts`).
 *
 * Written here rather than with zod, which checks every other input (ADR 0023): a function's
 * environment is a flat map of strings that our own CDK code sets, and reading it through zod cost
 * 4–6 ms of every cold start (60–100 schema instances, and zod's code paths compiled for the first
 * time), the largest part of most routes' own import. These checks are as strict: every variable is
 * checked, every problem is reported at once, and a value is never echoed back (some are secrets).
 */

/** One variable: its raw string (absent as `undefined`) read into a value, or what is wrong with it. */
export interface Field<T> {
  readonly read: (raw: string | undefined) => { readonly value: T } | { readonly problem: string };
}
/** A section's variables, by name. */
export type EnvShape = Record<string, Field<unknown>>;
type ValueOf<F> = F extends Field<infer T> ? T : never;
/** Variables that may be absent: their key is optional, as zod infers it. */
type OptionalKeys<S extends EnvShape> = { [K in keyof S]: undefined extends ValueOf<S[K]> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
/** The values of an {@link EnvShape}'s variables. */
export type EnvValues<S extends EnvShape> = Flat<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: ValueOf<S[K]> } & { -readonly [K in OptionalKeys<S>]?: ValueOf<S[K]> }
>;

/** Reports `message` against the variable `name`. */
export type Problem = (name: string, message: string) => void;
/** A check across a section's variables; `deployed` is true when the section reads a `CAREBOW_STAGE` other than `local`. */
export type Rule<C> = (config: C, problem: Problem, deployed: boolean) => void;

/** A section: its variables, and the checks across them (run once every variable reads). */
export interface EnvSchema<T> {
  readonly fields: EnvShape;
  /** Runs the section's rules (a method, so a section of any values is an `EnvSchema<unknown>`). */
  check(config: T, problem: Problem, deployed: boolean): void;
}
/** The values an {@link EnvSchema} reads. */
export type ConfigOf<E> = E extends EnvSchema<infer T> ? T : never;

const REQUIRED = { problem: 'is required' } as const;

/**
 * A string of `min` to `max` characters.
 *
 * @example
 * text({ min: 3 }).read('records'); // { value: 'records' }
 */
export const text = ({ min = 1, max = 2048 }: { min?: number; max?: number } = {}): Field<string> => ({
  read: (raw) => {
    if (raw === undefined) return REQUIRED;
    if (raw.length < min) return { problem: `must be at least ${min} character${min === 1 ? '' : 's'}` };
    if (raw.length > max) return { problem: `must be at most ${max} characters` };
    return { value: raw };
  },
});

/** A string that matches `pattern` (`message` says what it must be). */
export const matching = (pattern: RegExp, message: string): Field<string> => ({
  read: (raw) => {
    const read = text().read(raw);
    return 'value' in read && !pattern.test(read.value) ? { problem: message } : read;
  },
});

/** An absolute http or https URL (WHATWG parsing, as `fetch` and the SDK read it). */
export const url = (): Field<string> => ({
  read: (raw) => {
    if (raw === undefined) return REQUIRED;
    let protocol: string | undefined;
    try {
      protocol = new URL(raw).protocol;
    } catch {
      // not a URL at all
    }
    return protocol === 'https:' || protocol === 'http:' ? { value: raw } : { problem: 'must be an http or https URL' };
  },
});

/** A whole number from `min` to `max`, written in decimal digits. */
export const integer = (min: number, max: number): Field<number> => ({
  read: (raw) => {
    if (raw === undefined) return REQUIRED;
    const value = /^-?\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
    return value >= min && value <= max ? { value } : { problem: `must be a whole number from ${min} to ${max}` };
  },
});

/** One of `values`, exactly. */
export const oneOf = <const V extends readonly string[]>(values: V): Field<V[number]> => ({
  read: (raw) => {
    if (raw === undefined) return REQUIRED;
    return values.includes(raw) ? { value: raw as V[number] } : { problem: `must be one of ${values.join(', ')}` };
  },
});

/** A comma-separated list, each item trimmed, empty items dropped. */
export const csv = (): Field<string[]> => ({
  read: (raw) =>
    raw === undefined
      ? REQUIRED
      : {
          value: raw
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item.length > 0),
        },
});

/** `field`, or `undefined` when the variable is not set (set but empty is checked by `field`). */
export const optional = <T>(field: Field<T>): Field<T | undefined> => ({
  read: (raw) => (raw === undefined ? { value: undefined } : field.read(raw)),
});

/** `field`, or `fallback` when the variable is not set. */
export const withDefault = <T>(field: Field<T>, fallback: T): Field<T> => ({
  read: (raw) => (raw === undefined ? { value: fallback } : field.read(raw)),
});

/**
 * A section of variables, with checks across them.
 *
 * @example
 * const schema = envSchema({ AUDIT_TABLE: text({ min: 3 }), AUDIT_LANES: withDefault(integer(1, 16), 16) });
 */
export const envSchema = <S extends EnvShape>(fields: S, ...rules: Rule<EnvValues<S>>[]): EnvSchema<EnvValues<S>> => ({
  fields,
  check: (config, problem, deployed) => {
    for (const rule of rules) rule(config, problem, deployed);
  },
});

type Env = Record<string, string | undefined>;

/**
 * Reads `schema` from `env`, or throws a {@link ConfigError} naming every bad variable (never its value).
 * Variables the schema does not name are ignored.
 *
 * @example
 * const tables = readConfig(dataConfigSchema()); // once per cold start
 */
export const readConfig = <T>(schema: EnvSchema<T>, env: Env = process.env): T => {
  const problems: string[] = [];
  const problem: Problem = (name, message) => problems.push(`${name}: ${message}`);
  const config: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.fields)) {
    const read = field.read(Object.hasOwn(env, name) ? env[name] : undefined);
    if ('problem' in read) problem(name, read.problem);
    else if (read.value !== undefined) config[name] = read.value;
  }
  if (problems.length === 0) {
    const deployed = config['CAREBOW_STAGE'] !== undefined && config['CAREBOW_STAGE'] !== 'local';
    schema.check(config as T, problem, deployed);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration. ${problems.join('; ')}`);
  return config as T;
};
