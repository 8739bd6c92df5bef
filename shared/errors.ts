/**
 * The one error hierarchy of CareBow. Use cases throw these; `shared/http/error-response.ts`
 * maps them to HTTP in one place. Messages are written for API callers and never carry PHI.
 */
export class CareBowError extends Error {
  /** HTTP status this outcome maps to. */
  public readonly status: number;
  /** Stable machine-readable code for clients. */
  public readonly code: string;
  /** Safe, caller-facing details (validation issues, reasons); never PHI. */
  public readonly details?: unknown;

  public constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'CareBowError';
    this.status = status;
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

/** 400: the request is malformed or violates a rule. */
export class ValidationError extends CareBowError {
  public constructor(message = 'The request is invalid.', details?: unknown, code = 'invalid_request') {
    super(400, code, message, details);
    this.name = 'ValidationError';
  }
}

/** 401: no valid credentials. Always generic, so it never tells which part was wrong. */
export class UnauthorizedError extends CareBowError {
  public constructor(message = 'Authentication failed.') {
    super(401, 'unauthorized', message);
    this.name = 'UnauthorizedError';
  }
}

/** 403: authenticated, but the role may not call this route (or, with `code`, not without a second factor). */
export class ForbiddenError extends CareBowError {
  public constructor(message = 'You may not perform this action.', code = 'forbidden') {
    super(403, code, message);
    this.name = 'ForbiddenError';
  }
}

/** 404: absent, or present but not visible to the caller (no existence oracle). */
export class NotFoundError extends CareBowError {
  public constructor(message = 'Not found.') {
    super(404, 'not_found', message);
    this.name = 'NotFoundError';
  }
}

/** 409: the write conflicts with existing state; with `retryAfterSeconds` (a `Retry-After` header) when it will pass by itself. */
export class ConflictError extends CareBowError {
  public readonly retryAfterSeconds: number | undefined;

  public constructor(message = 'The request conflicts with existing data.', code = 'conflict', retryAfterSeconds?: number) {
    super(409, code, message);
    this.name = 'ConflictError';
    this.retryAfterSeconds = retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/** 412: an `If-Match` precondition did not hold. */
export class PreconditionFailedError extends CareBowError {
  public constructor(message = 'The resource has changed; reload and retry.') {
    super(412, 'precondition_failed', message);
    this.name = 'PreconditionFailedError';
  }
}

/** 429: slow down; `retryAfterSeconds` becomes the `Retry-After` header. */
export class TooManyRequestsError extends CareBowError {
  public readonly retryAfterSeconds: number;

  public constructor(retryAfterSeconds: number, message = 'Too many requests; retry later.', code = 'too_many_requests') {
    super(429, code, message);
    this.name = 'TooManyRequestsError';
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/** 429 like any rate limit, for the caller's used-up AI quota; its class name makes it the `AiQuotaRefused` metric. */
export class AiQuotaExceededError extends TooManyRequestsError {
  public constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, 'Your AI quota is used up for now; retry later.');
    this.name = 'AiQuotaExceededError';
  }
}

/** 429 for a used-up per-user budget (shared/budgets/limits.ts); its class name makes it a metric's `errorName`. */
export class BudgetExceededError extends TooManyRequestsError {
  public constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, 'You have reached the limit for this for now; retry later.', 'budget_exceeded');
    this.name = 'BudgetExceededError';
  }
}

/** 503: a dependency is down. */
export class ServiceUnavailableError extends CareBowError {
  public constructor(message = 'The service is temporarily unavailable.', details?: unknown) {
    super(503, 'service_unavailable', message, details);
    this.name = 'ServiceUnavailableError';
  }
}

/**
 * 503 for a shared resource that is only busy (a hot audit chain): the request did nothing and may be sent again
 * after `retryAfterSeconds`, jittered (1–3 s) by default so that the callers who collided do not collide again.
 *
 * @example
 * throw new RetryLaterError('audit_busy', 'Too many requests for this record at once; retry shortly.');
 */
export class RetryLaterError extends CareBowError {
  public readonly retryAfterSeconds: number;

  public constructor(code: string, message: string, retryAfterSeconds = 1 + Math.floor(Math.random() * 3)) {
    super(503, code, message);
    this.name = 'RetryLaterError';
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/**
 * 503 for a request that ran out of time (the function's early time-out, or a dependency's): unlike
 * `RetryLaterError` it may have taken effect, so the caller is told to check, or to send it again
 * with the same Idempotency-Key where the route takes one. Never a 500: a load run (issue 14) found
 * logins and symptom sessions answering 500 once a saturated machine pushed them past 10 s.
 *
 * @example
 * errorResponse(new RequestTimeoutError(), requestId); // 503 { code: 'timeout' }, Retry-After: 2
 */
export class RequestTimeoutError extends CareBowError {
  public readonly retryAfterSeconds = 2;

  public constructor() {
    super(503, 'timeout', 'The request took too long. It may have taken effect: check before sending it again, or resend it with the same Idempotency-Key.');
    this.name = 'RequestTimeoutError';
  }
}

/** A missing or invalid configuration value; thrown at cold start, names the variable. */
export class ConfigError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
