import autocannon from 'autocannon';

/**
 * One storm: autocannon against a local API on loopback, bounded in time and in count, every
 * response kept (status, `Retry-After`, `X-Request-Id`, error code, body) with the tag its request
 * was sent with. Latency is measured here, from building a request to its response, so the drain
 * (below) never enters the figures.
 *
 * Why a drain: autocannon ends a timed run by destroying its sockets, so a request in flight then
 * would reach the server unseen by us, and the store would hold a write no answer accounts for.
 * Instead, once the time or the count is up, every connection sends `GET /api/v1/health` until the
 * last real request has been answered, and only then is the run stopped.
 */

/** What to send next; `undefined` when there is nothing more to send (the storm drains). */
export interface Fire {
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Kept on the answer, to tell requests apart afterwards (which e-mail, which family, …). */
  readonly tag: string;
}

/** One answered request. */
export interface Shot {
  readonly tag: string;
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly requestId: string | undefined;
  /** `error.code` of an error body. */
  readonly code: string | undefined;
  readonly body: string;
  readonly ms: number;
}

export interface StormLimits {
  /** How long requests are sent, in seconds. */
  readonly seconds: number;
  readonly connections: number;
  /** At most this many requests are sent. */
  readonly maxRequests: number;
}

export interface StormResult {
  readonly shots: readonly Shot[];
  /** Tags of requests sent but never answered (a socket error or time-out). */
  readonly unanswered: readonly string[];
  /** Socket errors and time-outs autocannon counted. */
  readonly errors: number;
  /** From the first request to the last real answer, in seconds. */
  readonly elapsedSeconds: number;
}

/** How long a run may take beyond its time while the last requests are answered. */
const DRAIN_LIMIT_SECONDS = 120;
const DRAIN: Fire = { method: 'GET', path: '/api/v1/health', tag: 'drain' };

const header = (headers: Record<string, unknown> | undefined, name: string): string | undefined => {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
};

const errorCode = (body: string): string | undefined => {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Sends `next(n)` (n = 0, 1, …; `onShot` sees each answer as it comes) from `limits.connections` connections until the time, the count or
 * `next` runs out, and resolves once every request sent has been answered (or has failed).
 *
 * @example
 * const { shots } = await storm('http://127.0.0.1:3000', { seconds: 2, connections: 4, maxRequests: 100 }, () => ({ path: '/api/v1/health', tag: 'health' }));
 */
export const storm = (
  baseUrl: string,
  limits: StormLimits,
  next: (n: number) => Fire | undefined,
  onShot: (shot: Shot) => void = () => {},
): Promise<StormResult> => {
  const shots: Shot[] = [];
  const pending = new Map<number, { tag: string; at: number }>();
  const started = performance.now();
  const deadline = started + limits.seconds * 1000;
  let issued = 0;
  let exhausted = false;
  let lastAnswer = started;
  let instance: autocannon.Instance | undefined;
  let stopping = false;
  const stopWhenDrained = () => {
    if (!stopping && pending.size === 0 && (exhausted || performance.now() >= deadline)) {
      stopping = true;
      setImmediate(() => instance?.stop());
    }
  };
  const timer = setTimeout(stopWhenDrained, limits.seconds * 1000 + 10);

  return new Promise((resolve, reject) => {
    instance = autocannon(
      {
        url: baseUrl,
        connections: limits.connections,
        duration: limits.seconds + DRAIN_LIMIT_SECONDS,
        timeout: DRAIN_LIMIT_SECONDS,
        requests: [
          {
            setupRequest: (request, context) => {
              const ctx = context as { n?: number };
              let fire: Fire | undefined;
              if (!exhausted && issued < limits.maxRequests && performance.now() < deadline) fire = next(issued);
              if (fire === undefined) {
                exhausted = true;
                ctx.n = -1;
                fire = DRAIN;
              } else {
                ctx.n = issued++;
                pending.set(ctx.n, { tag: fire.tag, at: performance.now() });
              }
              const body = fire.body === undefined ? undefined : JSON.stringify(fire.body);
              return {
                ...request,
                method: fire.method ?? 'POST',
                path: fire.path,
                headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...fire.headers },
                ...(body === undefined ? { body: undefined } : { body }),
              } as autocannon.Request;
            },
            onResponse: (status, body, context, headers) => {
              const n = (context as { n?: number }).n ?? -1;
              const sent = pending.get(n);
              if (sent === undefined) {
                stopWhenDrained();
                return;
              }
              pending.delete(n);
              lastAnswer = performance.now();
              const text = String(body ?? '');
              const shot: Shot = {
                tag: sent.tag,
                status,
                retryAfter: header(headers as Record<string, unknown>, 'retry-after'),
                requestId: header(headers as Record<string, unknown>, 'x-request-id'),
                code: status >= 400 ? errorCode(text) : undefined,
                body: text,
                ms: lastAnswer - sent.at,
              };
              shots.push(shot);
              onShot(shot);
              stopWhenDrained();
            },
          },
        ],
      },
      (error, result) => {
        clearTimeout(timer);
        if (error) return reject(error);
        resolve({
          shots,
          unanswered: [...pending.values()].map((sent) => sent.tag),
          errors: result.errors + result.timeouts,
          elapsedSeconds: Math.max(0.001, (lastAnswer - started) / 1000),
        });
      },
    );
  });
};

/** The `q`-quantile (0–1) of `values`, nearest rank; 0 for none. */
export const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
};
