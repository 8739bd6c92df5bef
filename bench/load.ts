import { randomUUID } from 'node:crypto';
import { hashSecret, parseRefreshToken } from '../shared/identity/refresh-token';
import { CHEST_PAIN, MILD_COLD } from '../test/helpers/triage';
import { bookableProvider, call, freshEmail, freshPassword, type LoadTarget, loopback, member, patientCall, pool, warm } from './load-api';
import { startLoadServer } from './load-server';
import { LoadStore } from './load-store';
import { type Fire, quantile, type Shot, storm, type StormResult } from './load-storm';

/**
 * The load scenarios of issue 14 ("Load"), importable: `npm run load` (scripts/load.ts) runs them
 * against `npm start` in a child process, `npm run bench` briefly next to the health route, and
 * test/integration/load-scenarios.test.ts for a second against the test backend.
 *
 * Each scenario sets up its accounts through the API, runs its storms (bench/load-storm.ts), then
 * counts what the store holds (bench/load-store.ts):
 * - login: wrong passwords on one e-mail from one source, then the right password from that source
 *   (429) and from another (200); wrong passwords over many e-mails, known and unknown. Each failed
 *   login is counted exactly once in its e-mail's counter; a login turned away before its password
 *   was checked (429 `password_check_busy`: too many hashes at once) writes nothing.
 * - refresh: one refresh token sent N times at once (one rotation wins, the family is revoked);
 *   many families, each rotated in turn (all 200, each family's generation and current hash match).
 * - triage: one patient's burst of symptom sessions, one in four an emergency: emergencies always
 *   201, at most the budget's 10 routine sessions 202, then 429; sessions stored = 2xx answers.
 * - booking: many patients book one slot: exactly one 201, the rest 409 (429 once a patient's 30 changes an hour are
 *   spent); one appointment stored.
 * Every storm: no 5xx (a `503 audit_busy` with `Retry-After` is counted apart, as a busy audit
 * chain is issue 14's other part), every 429 and 503 with `Retry-After`, every request answered,
 * and exactly one audit event per request that audits (none for a busy one). A `503 timeout` fails
 * 'no 5xx'; the store checks allow what it may have written (it tells its caller it may have).
 */

export const SCENARIOS = ['login', 'refresh', 'triage', 'booking'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface LoadSettings {
  /** Seconds each storm sends for. */
  readonly seconds: number;
  /** Concurrent connections of each storm. */
  readonly connections: number;
  /** At most this many requests per storm. */
  readonly maxRequests: number;
  /** Progress lines. */
  readonly say?: (line: string) => void;
}

/** `npm run load`'s defaults. */
export const DEFAULT_LOAD: LoadSettings = { seconds: 8, connections: 16, maxRequests: 5000 };

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** One storm's figures and verdicts. */
export interface PartResult {
  readonly scenario: ScenarioName | 'health';
  readonly label: string;
  readonly requests: number;
  readonly ok2xx: number;
  /** 4xx but 429. */
  readonly client4xx: number;
  readonly throttled429: number;
  /** 5xx but a `503 audit_busy` with Retry-After. */
  readonly server5xx: number;
  readonly auditBusy503: number;
  readonly p50ms: number;
  readonly p99ms: number;
  readonly perSecond: number;
  readonly checks: readonly Check[];
}

const check = (name: string, ok: boolean, detail = ''): Check => ({ name, ok, detail });
const isBusy = (shot: Shot): boolean => shot.status === 503 && shot.code === 'audit_busy' && shot.retryAfter !== undefined;
/** A `503 timeout`: the function ran out of time, so its writes may or may not have happened (it tells its caller so). */
const isTimeout = (shot: Shot): boolean => shot.code === 'timeout';
/** An answer whose writes the store may or may not hold: a busy audit chain's (a failed login is still counted), a time-out's. */
const isUnsure = (shot: Shot): boolean => isBusy(shot) || isTimeout(shot);
const count = (shots: readonly Shot[], test: (shot: Shot) => boolean): number => shots.filter(test).length;
const bodyOf = (shot: Shot): any => {
  try {
    return JSON.parse(shot.body);
  } catch {
    return undefined;
  }
};

/** The checks every storm gets, and its row; `audit` maps a request to the events it must write (busy ones: none). */
const part = (
  scenario: PartResult['scenario'],
  label: string,
  run: StormResult,
  audits: Map<string, number> | undefined,
  audit: (shot: Shot) => number,
  checks: readonly Check[],
): PartResult => {
  const { shots } = run;
  const server5xx = count(shots, (s) => s.status >= 500 && !isBusy(s));
  const noRetryAfter = count(shots, (s) => (s.status === 429 || s.status === 503) && !(Number(s.retryAfter) >= 1));
  const common = [
    check('no 5xx', server5xx === 0, `${server5xx} 5xx${server5xx === 0 ? '' : `: ${statuses(shots.filter((s) => s.status >= 500 && !isBusy(s)))}`}`),
    check('Retry-After on every 429/503', noRetryAfter === 0, `${noRetryAfter} without`),
    check('every request answered', run.unanswered.length === 0 && run.errors === 0, `${run.unanswered.length} unanswered, ${run.errors} socket errors`),
  ];
  if (audits !== undefined) {
    const wrong = shots.filter((s) => {
      const events = s.requestId === undefined ? -1 : (audits.get(s.requestId) ?? 0);
      return isTimeout(s) ? events !== 0 && events !== audit(s) : events !== (isBusy(s) ? 0 : audit(s));
    });
    common.push(check('audit events = requests that audit', wrong.length === 0, `${wrong.length} of ${shots.length} off`));
  }
  return {
    scenario,
    label,
    requests: shots.length,
    ok2xx: count(shots, (s) => s.status >= 200 && s.status < 300),
    client4xx: count(shots, (s) => s.status >= 400 && s.status < 500 && s.status !== 429),
    throttled429: count(shots, (s) => s.status === 429),
    server5xx,
    auditBusy503: count(shots, isBusy),
    p50ms: quantile(
      shots.map((s) => s.ms),
      0.5,
    ),
    p99ms: quantile(
      shots.map((s) => s.ms),
      0.99,
    ),
    perSecond: shots.length / run.elapsedSeconds,
    checks: [...common, ...checks],
  };
};

/** `3 × 500 internal_error, 1 × 502` */
const statuses = (shots: readonly Shot[]): string => {
  const tally = new Map<string, number>();
  for (const shot of shots)
    tally.set(`${shot.status}${shot.code ? ` ${shot.code}` : ''}`, (tally.get(`${shot.status}${shot.code ? ` ${shot.code}` : ''}`) ?? 0) + 1);
  return [...tally].map(([what, n]) => `${n} × ${what}`).join(', ');
};

const post = (path: string, body: unknown, tag: string, token?: string, headers: Record<string, string> = {}): Fire => ({
  path,
  body,
  tag,
  headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
});

/** `GET /api/v1/health` under the same load: the yardstick of `npm run bench`. */
export const healthStorm = async (target: LoadTarget, settings: LoadSettings): Promise<PartResult> => {
  const run = await storm(loopback(target), settings, () => ({ method: 'GET', path: '/api/v1/health', tag: 'health' }));
  return part('health', 'health: GET /api/v1/health', run, undefined, () => 0, []);
};

/** A login writes one audit event, but one turned away before its password was checked (429 password_check_busy). */
const loginAudits = (shot: Shot): number => (shot.code === 'password_check_busy' ? 0 : 1);

const loginScenario = async (target: LoadTarget, store: LoadStore, settings: LoadSettings): Promise<PartResult[]> => {
  const base = loopback(target);
  // One e-mail, wrong passwords from one source.
  const victim = await member(target, 'victim');
  const since = new Date().toISOString();
  const one = await storm(base, settings, (n) => post('/api/v1/auth/login', { email: victim.email, password: `not the password ${n}` }, 'victim'));
  const counted = await store.loginFailures(victim.email);
  const failed = count(one.shots, (s) => s.status === 401);
  const sameSource = await call(target, 'POST', '/api/v1/auth/login', { body: { email: victim.email, password: victim.password } });
  const otherSource = await call(target, 'POST', '/api/v1/auth/login', { body: { email: victim.email, password: victim.password }, from: '127.0.0.2' });
  const oneAudits = await store.auditCounts(since);
  const onlyExpected = count(one.shots, (s) => s.status < 500 && ![401, 429].includes(s.status));
  const first = part('login', 'login: one e-mail, wrong passwords, one source', one, oneAudits, loginAudits, [
    check('only 401 or 429', onlyExpected === 0, `${onlyExpected} other; ${statuses(one.shots.filter((s) => s.status === 429))}`),
    // A wrong password whose audit event could not be written (503 audit_busy) still counts: the guess was made.
    check('each failure counted once', failed <= counted && counted <= failed + count(one.shots, isUnsure), `counter ${counted}, 401 answers ${failed}`),
    check(
      'right password, same source: 429 + Retry-After',
      failed < 5 || (sameSource.status === 429 && Number(sameSource.headers['retry-after']) >= 1),
      `${sameSource.status} after ${failed} failures`,
    ),
    check('right password, another source: 200', otherSource.status === 200, `${otherSource.status}`),
  ]);

  // Many e-mails, half of them registered, wrong passwords (credential stuffing).
  const known = Math.max(2, Math.min(8, settings.connections));
  const registered = await pool(known, 4, async () => {
    const email = freshEmail('stuffed');
    const reply = await patientCall(target, 'POST', '/api/v1/auth/register', { body: { email, password: freshPassword() } });
    if (reply.status !== 201) throw new Error(`load set-up: register answered ${reply.status}`);
    return email;
  });
  const emails = [...registered, ...Array.from({ length: known }, () => freshEmail('unknown'))];
  const since2 = new Date().toISOString();
  const many = await storm(base, settings, (n) =>
    post('/api/v1/auth/login', { email: emails[n % emails.length], password: `not the password ${n}` }, String(n % emails.length)),
  );
  const counters = await Promise.all(emails.map((email) => store.loginFailures(email)));
  const miscounted = emails.filter((_, i) => {
    const mine = many.shots.filter((s) => s.tag === String(i));
    const failures = count(mine, (s) => s.status === 401);
    return counters[i]! < failures || counters[i]! > failures + count(mine, isUnsure);
  }).length;
  const manyOther = count(many.shots, (s) => s.status < 500 && ![401, 429].includes(s.status));
  const second = part('login', `login: ${emails.length} e-mails (half unknown), wrong passwords`, many, await store.auditCounts(since2), loginAudits, [
    check('only 401 or 429', manyOther === 0, `${manyOther} other; ${statuses(many.shots.filter((s) => s.status === 429))}`),
    check('each failure counted once per e-mail', miscounted === 0, `${miscounted} of ${emails.length} counters off`),
  ]);
  return [first, second];
};

const refreshScenario = async (target: LoadTarget, store: LoadStore, settings: LoadSettings): Promise<PartResult[]> => {
  const base = loopback(target);
  // One refresh token, sent many times at once: reuse detection.
  const owner = await member(target, 'refresh');
  await warm(target, '/api/v1/auth/refresh');
  const times = Math.max(settings.connections * 4, 8);
  const since = new Date().toISOString();
  const same = await storm(base, { ...settings, seconds: 60, maxRequests: times }, () =>
    post('/api/v1/auth/refresh', { refreshToken: owner.refreshToken }, 'same'),
  );
  const winners = same.shots.filter((s) => s.status === 200);
  const family = await store.family(parseRefreshToken(owner.refreshToken)!.familyId);
  const afterwards = winners[0] ? await call(target, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: bodyOf(winners[0]).refreshToken } }) : undefined;
  const first = part('refresh', `refresh: one token × ${times} at once`, same, await store.auditCounts(since), (s) => (s.status === 200 ? 0 : 1), [
    check(
      'exactly one 200, the rest 401',
      winners.length === 1 && count(same.shots, (s) => s.status === 401) === same.shots.length - 1,
      `${winners.length} × 200`,
    ),
    check(
      'family rotated once, then revoked',
      family?.generation === 2 && family.revoked && family.revokedReason === 'reuse_detected',
      `generation ${family?.generation}, revoked ${family?.revoked}`,
    ),
    check("the winner's new token is refused", afterwards?.status === 401, `${afterwards?.status}`),
  ]);

  // Many families, each rotated in turn by whichever connection is free.
  const families = settings.connections + 4;
  const user = await member(target, 'families');
  const logins = await pool(families, 4, async () => {
    const reply = await patientCall(target, 'POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    if (reply.status !== 200) throw new Error(`load set-up: login answered ${reply.status}`);
    return reply.json.refreshToken as string;
  });
  const idle = [...logins];
  const latest = new Map(logins.map((token) => [parseRefreshToken(token)!.familyId, token]));
  const rotations = new Map<string, number>();
  let starved = 0;
  const since2 = new Date().toISOString();
  const chain = await storm(
    base,
    settings,
    () => {
      const token = idle.shift();
      if (token === undefined) {
        starved++;
        return { method: 'GET', path: '/api/v1/health', tag: 'starved' };
      }
      return post('/api/v1/auth/refresh', { refreshToken: token }, parseRefreshToken(token)!.familyId);
    },
    (shot) => {
      const next = shot.status === 200 ? (bodyOf(shot)?.refreshToken as string | undefined) : undefined;
      if (next === undefined) return;
      idle.push(next);
      latest.set(shot.tag, next);
      rotations.set(shot.tag, (rotations.get(shot.tag) ?? 0) + 1);
    },
  );
  const stored = await Promise.all(
    [...latest].map(async ([familyId, token]) => ({
      token,
      family: await store.family(familyId),
      rotated: rotations.get(familyId) ?? 0,
      timedOut: count(chain.shots, (s) => s.tag === familyId && isTimeout(s)),
    })),
  );
  // Each family's generation counts exactly its 200s and its current hash is the last token answered, unless a time-out
  // of that family rotated it unseen (its chain stops there: the new token never arrived).
  const inconsistent = stored.filter(({ token, family: f, rotated, timedOut }) => {
    if (f === undefined || f.revoked) return true;
    const unseen = f.generation - 1 - rotated;
    return unseen === 0 ? f.currentHash !== hashSecret(parseRefreshToken(token)!.secret) : unseen < 0 || unseen > timedOut;
  }).length;
  const refreshes = { ...chain, shots: chain.shots.filter((s) => s.tag !== 'starved') };
  const second = part('refresh', `refresh: ${families} families rotating`, refreshes, await store.auditCounts(since2), (s) => (s.status === 200 ? 0 : 1), [
    check(
      'every refresh 200',
      count(refreshes.shots, (s) => s.status !== 200 && s.status < 500) === 0,
      `${count(refreshes.shots, (s) => s.status !== 200 && s.status < 500)} 4xx, ${starved} waits`,
    ),
    check('families consistent (generation, current hash, live)', inconsistent === 0, `${inconsistent} of ${families} off`),
  ]);
  return [first, second];
};

const triageScenario = async (target: LoadTarget, store: LoadStore, settings: LoadSettings): Promise<PartResult[]> => {
  const patient = await member(target, 'triage');
  await warm(target, '/api/v1/symptom-sessions', patient.accessToken);
  const since = new Date().toISOString();
  const run = await storm(loopback(target), settings, (n) =>
    n % 4 === 3
      ? post('/api/v1/symptom-sessions', CHEST_PAIN, 'emergency', patient.accessToken)
      : post('/api/v1/symptom-sessions', MILD_COLD, 'routine', patient.accessToken),
  );
  const emergencies = run.shots.filter((s) => s.tag === 'emergency' && s.status < 500);
  const routine = run.shots.filter((s) => s.tag === 'routine' && s.status < 500);
  const queued = count(routine, (s) => s.status === 202);
  const answered = new Set(run.shots.filter((s) => s.status === 201 || s.status === 202).map((s) => String(bodyOf(s)?.id)));
  const stored = await store.sessionIds(patient.userId);
  const lost = [...answered].filter((id) => !stored.has(id)).length;
  const extra = [...stored].filter((id) => !answered.has(id)).length;
  // 5xx are the 'no 5xx' check's; a time-out (503 timeout) may have stored its session, and says so to its caller.
  const unexpected = count(routine, (s) => s.status !== 202 && !(s.status === 429 && s.code === 'budget_exceeded'));
  const timedOut = count(run.shots, isTimeout);
  return [
    part('triage', 'triage: one patient, 1 in 4 an emergency', run, await store.auditCounts(since), () => 1, [
      check(
        'every emergency 201',
        emergencies.length > 0 && emergencies.every((s) => s.status === 201),
        `${count(emergencies, (s) => s.status === 201)} of ${emergencies.length}`,
      ),
      check('routine: ≤ 10 × 202, then 429 budget_exceeded', queued <= 10 && unexpected === 0, `${queued} × 202, ${unexpected} other`),
      check(
        'sessions stored = 2xx answers',
        lost === 0 && extra <= timedOut,
        `${answered.size} answered, ${lost} lost, ${extra} unanswered in store${timedOut > 0 ? ` (${timedOut} timed out)` : ''}`,
      ),
    ]),
  ];
};

const bookingScenario = async (target: LoadTarget, store: LoadStore, settings: LoadSettings): Promise<PartResult[]> => {
  const patients = await pool(Math.max(2, Math.min(8, settings.connections)), 4, () => member(target, 'booking'));
  const { providerId, start } = await bookableProvider(target, patients[0]!.accessToken);
  await warm(target, '/api/v1/appointments', patients[0]!.accessToken);
  const since = new Date().toISOString();
  const run = await storm(loopback(target), settings, (n) =>
    post(
      '/api/v1/appointments',
      { practitionerId: providerId, start, mode: 'video' },
      String(n % patients.length),
      patients[n % patients.length]!.accessToken,
      {
        'idempotency-key': randomUUID(),
      },
    ),
  );
  const created = run.shots.filter((s) => s.status === 201);
  const conflicts = count(run.shots, (s) => s.status === 409);
  // Past a patient's 30 appointment changes an hour (the `appointmentChanges` budget), 429 instead of 409.
  const overBudget = count(run.shots, (s) => s.status === 429);
  const timedOut = count(run.shots, isTimeout);
  const held = (await store.appointments(providerId)).filter((a) => a.status === 'booked');
  const copies = (await Promise.all(patients.map((p) => store.appointments(p.userId)))).flat();
  return [
    part('booking', `booking: ${patients.length} patients, one slot`, run, await store.auditCounts(since), () => 1, [
      check(
        'exactly one 201, the rest 409 (or 429 past the budget)',
        // The winner's 201, unless the winner timed out (a 503 timeout, which 'no 5xx' reports); every other answer 409, or 429.
        (created.length === 1 || (created.length === 0 && timedOut > 0)) && conflicts + overBudget === count(run.shots, (s) => s.status < 500) - created.length,
        `${created.length} × 201, ${conflicts} × 409, ${overBudget} × 429`,
      ),
      check(
        'one appointment stored (both copies)',
        held.length === 1 && copies.length === 1 && copies[0]!.id === held[0]!.id && (created.length === 0 || held[0]!.id === bodyOf(created[0]!)?.id),
        `${held.length} practitioner, ${copies.length} patient copies`,
      ),
    ]),
  ];
};

const RUNNERS: Record<ScenarioName, (target: LoadTarget, store: LoadStore, settings: LoadSettings) => Promise<PartResult[]>> = {
  login: loginScenario,
  refresh: refreshScenario,
  triage: triageScenario,
  booking: bookingScenario,
};

/**
 * Runs `scenarios` in order against `target` and returns one row per storm.
 *
 * @example
 * const rows = await runLoad({ url, dynamodbEndpoint, dataDir }, { seconds: 2, connections: 8, maxRequests: 1000 });
 * console.log(formatTable(rows).join('\n'));
 */
export const runLoad = async (target: LoadTarget, settings: LoadSettings, scenarios: readonly ScenarioName[] = SCENARIOS): Promise<PartResult[]> => {
  const store = new LoadStore(target);
  try {
    const rows: PartResult[] = [];
    for (const name of scenarios) {
      settings.say?.(`  ${name}: setting up, then ${settings.seconds} s × ${settings.connections} connections per storm…`);
      rows.push(...(await RUNNERS[name](target, store, settings)));
    }
    return rows;
  } finally {
    store.close();
  }
};

/** The failed checks of `rows`, one line each. */
export const failedChecks = (rows: readonly PartResult[]): string[] =>
  rows.flatMap((row) => row.checks.filter((c) => !c.ok).map((c) => `${row.label}: ${c.name} (${c.detail})`));

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

/** The rows as a table: requests, 2xx/4xx/429/5xx, 503 audit_busy, p50/p99, req/s, verdicts. */
export const formatTable = (rows: readonly PartResult[]): string[] => {
  const head = ['storm', 'requests', '2xx', '4xx', '429', '5xx', '503 busy', 'p50 ms', 'p99 ms', 'req/s', 'checks'];
  const body = rows.map((row) => {
    const failed = row.checks.filter((c) => !c.ok);
    return [
      row.label,
      String(row.requests),
      String(row.ok2xx),
      String(row.client4xx),
      String(row.throttled429),
      String(row.server5xx),
      String(row.auditBusy503),
      ms(row.p50ms),
      ms(row.p99ms),
      row.perSecond.toFixed(1),
      row.checks.length === 0 ? '—' : failed.length === 0 ? `PASS (${row.checks.length})` : `FAIL ${failed.length}/${row.checks.length}`,
    ];
  });
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
};

/**
 * `npm run bench`'s load section: `npm start` in a child process, `GET /api/v1/health` and then
 * every scenario for `seconds` each at `connections`, each storm's p99 and req/s as ratios to the
 * health route's, measured the same way in the same run. A failed store check is a bench failure.
 *
 * @example
 * const { lines, failures } = await loadBench();
 */
export const loadBench = async (seconds = 2, connections = 8): Promise<{ lines: string[]; failures: string[] }> => {
  const server = await startLoadServer();
  const settings: LoadSettings = { seconds, connections, maxRequests: 5000 };
  let rows: PartResult[];
  let health: PartResult;
  try {
    await call(server, 'GET', '/api/v1/health'); // its handler warm, as every storm's is
    health = await healthStorm(server, settings);
    rows = await runLoad(server, settings);
  } finally {
    await server.stop();
  }
  const ratios = rows.map(
    (row) =>
      `  ${row.label.padEnd(50)} p99 ${(row.p99ms / Math.max(health.p99ms, 0.1)).toFixed(1).padStart(7)}×   req/s ${(row.perSecond / health.perSecond).toPrecision(2).padStart(8)}×`,
  );
  return {
    lines: [
      `Load (bench/load.ts; npm start in a child process, ${seconds} s × ${connections} connections per storm; \`npm run load\` runs it longer):`,
      ...formatTable([health, ...rows]).map((line) => `  ${line}`),
      `  Ratios to GET /api/v1/health (p99 ${ms(health.p99ms)} ms, ${health.perSecond.toFixed(0)} req/s):`,
      ...ratios,
    ],
    failures: failedChecks(rows).map((line) => `load: ${line}`),
  };
};
