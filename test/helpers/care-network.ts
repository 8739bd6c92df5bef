import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { createDocumentClient } from '../../shared/adapters/aws/dynamo-client';
import type { PractitionerKind } from '../../shared/contracts/care-bounds';
import type { Availability } from '../../shared/contracts/care-availability';
import type { Role } from '../../shared/domain/roles';
import { type ApiResponse, signUp, type TestBackend } from './test-backend';
import { registeredAdmin } from './admin';
import { tokenFor } from './tokens';

/**
 * The care network the integration tests build through the real routes of a local backend (each
 * step asserting its own answer, so a test's Prepare reads as a list of what it needs): accounts
 * granted roles by an admin, practitioners with a profile, verified, with availability; slots,
 * bookings, a fulfilled visit; and the audit events of one request.
 *
 * @example
 * const care = await careNetwork(backend);
 * const provider = await care.practitioner({ profile: PROFILE, availability: weeklyHours('09:00', '17:00') });
 * const patient = await care.account();
 * const [slot] = (await care.slots(provider.userId, patient.token)).items;
 */

/** A signed-up user, with a token carrying `patient` and the roles the admin granted. */
export interface Member {
  readonly userId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly token: string;
}

/** A party to a visit: who, and the token they call with. */
export type Party = Pick<Member, 'userId' | 'token'>;

export interface PractitionerSetup {
  /** `provider` unless told: the role granted, and the profile's kind. */
  readonly kind?: PractitionerKind;
  /** The body of `PUT /api/v1/practitioners/me`. */
  readonly profile: unknown;
  /** Verified by the admin unless `false`. */
  readonly verified?: boolean;
  /** When given, put with `PUT /api/v1/practitioners/me/availability`. */
  readonly availability?: Availability;
}

/** A slot window: two RFC 3339 instants. */
export interface Window {
  readonly from: string;
  readonly to: string;
}

/** The date (UTC) two days from now, `YYYY-MM-DD`: in the future and inside every horizon in every zone. */
export const dayAfterTomorrow = (): string => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

/** `day` (the day after tomorrow unless told) from 00:00 to 23:59 in Kolkata (+05:30). */
export const kolkataDay = (day = dayAfterTomorrow()): Window => ({ from: `${day}T00:00:00+05:30`, to: `${day}T23:59:00+05:30` });

/**
 * The steps of the care network on `backend`, with an admin to grant roles and verify: a registered account given
 * `admin` in the identity table, as the operator CLI gives it (no route can), since writes check the caller's account.
 */
export const careNetwork = async (backend: TestBackend) => {
  const { userId: adminId, token: adminToken } = await registeredAdmin(backend);

  /** A registered account granted `roles` by the admin over HTTP (each 200), with a token carrying them and `patient`. */
  const account = async (...roles: Role[]): Promise<Member> => {
    const user = await signUp(backend, `care-${randomUUID().slice(0, 8)}@example.com`);
    for (const role of roles) {
      const granted = await backend.call('POST', `/api/v1/admin/users/${user.userId}/roles`, { token: adminToken, body: { action: 'grant', role } });
      expect(granted.status, granted.text).toBe(200);
    }
    return { ...user, token: await tokenFor(backend.dataDir, user.userId, ['patient', ...roles]) };
  };

  /** The admin verifies a profile, or withdraws its verification (`If-Match` when given). */
  const verify = (practitionerId: string, verified: boolean, ifMatch?: string): Promise<ApiResponse> =>
    backend.call('POST', `/api/v1/admin/practitioners/${practitionerId}/verify`, {
      token: adminToken,
      body: { verified },
      ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
    });

  /** An account with the kind's role and its profile (201), verified by the admin (200) unless told, with its availability (200) when given. */
  const practitioner = async ({ kind = 'provider', profile, verified = true, availability }: PractitionerSetup): Promise<Member> => {
    const member = await account(kind);
    const put = await backend.call('PUT', '/api/v1/practitioners/me', { token: member.token, body: profile });
    expect(put.status, put.text).toBe(201);
    if (verified) {
      const verifiedNow = await verify(member.userId, true);
      expect(verifiedNow.status, verifiedNow.text).toBe(200);
    }
    if (availability) {
      const hours = await backend.call('PUT', '/api/v1/practitioners/me/availability', { token: member.token, body: availability });
      expect(hours.status, hours.text).toBe(200);
    }
    return member;
  };

  /** `GET /api/v1/practitioners/{id}/slots` over `window` (the day after tomorrow in Kolkata unless told): the raw answer. */
  const slotsCall = (practitionerId: string, token: string, window: Window = kolkataDay()): Promise<ApiResponse> =>
    backend.call('GET', `/api/v1/practitioners/${practitionerId}/slots?${new URLSearchParams({ from: window.from, to: window.to })}`, { token });

  /** The free slots over `window` (the day after tomorrow in Kolkata unless told), expecting 200. */
  const slots = async (practitionerId: string, token: string, window?: Window): Promise<{ timeZone: string; items: { start: string; end: string }[] }> => {
    const response = await slotsCall(practitionerId, token, window);
    expect(response.status, response.text).toBe(200);
    return response.json;
  };

  /** `POST /api/v1/appointments`, a video visit unless `body` says otherwise, with `key` (a fresh one unless told) as its Idempotency-Key. */
  const book = (token: string, body: Record<string, unknown>, key: string = randomUUID()): Promise<ApiResponse> =>
    backend.call('POST', '/api/v1/appointments', { token, body: { mode: 'video', ...body }, headers: { 'idempotency-key': key } });

  /** `book`, expecting 201: the appointment. */
  const booked = async (token: string, body: Record<string, unknown>): Promise<{ id: string; start: string } & Record<string, unknown>> => {
    const response = await book(token, body);
    expect(response.status, response.text).toBe(201);
    return response.json;
  };

  /**
   * A visit `patient` books with `practitioner` (`booking`: its start and any other field), moved an
   * hour into the past in the store (both copies' `startMs`: a booking can only be made in the
   * future): started, still booked. Its id.
   */
  const startedVisit = async (practitioner: Party, patient: Party, booking: { start: string } & Record<string, unknown>): Promise<string> => {
    const { id } = await booked(patient.token, { practitionerId: practitioner.userId, ...booking });
    const client = createDocumentClient({ endpoint: backend.dynamodbEndpoint });
    try {
      for (const holder of [patient.userId, practitioner.userId]) {
        await client.send(
          new UpdateCommand({
            TableName: backend.tables.records,
            Key: { pk: `USER#${holder}`, sk: `APPT#${id}` },
            UpdateExpression: 'SET startMs = :past',
            ExpressionAttributeValues: { ':past': Date.now() - 3_600_000 },
          }),
        );
      }
    } finally {
      client.destroy();
    }
    return id;
  };

  /** A `startedVisit`, then marked fulfilled by the practitioner through the API. Its id. */
  const fulfilledVisit = async (practitioner: Party, patient: Party, booking: { start: string } & Record<string, unknown>): Promise<string> => {
    const id = await startedVisit(practitioner, patient, booking);
    const done = await backend.call('POST', `/api/v1/appointments/${id}/status`, { token: practitioner.token, body: { status: 'fulfilled' } });
    expect(done.status, done.text).toBe(200);
    return id;
  };

  /** The audit events of one request (its `x-request-id`). */
  const eventsOf = async (requestId: string | null): Promise<Record<string, unknown>[]> =>
    (await backend.items('audit')).filter((event) => event['requestId'] === requestId);

  return { backend, adminId, adminToken, account, verify, practitioner, slotsCall, slots, book, booked, startedVisit, fulfilledVisit, eventsOf };
};

export type CareNetwork = Awaited<ReturnType<typeof careNetwork>>;
