import type { UserRecord } from '../identity/ports';
import type { AppointmentMode, PractitionerRecord } from './ports';
import { type LocalDate, MINUTE_MS, offsetMinutesAt } from './time-zone';

/**
 * Who may be listed and booked: the rules that booking, rescheduling, the slot listing, the
 * directory, care options and caregiver matching all apply, written once. No schema and no port
 * behind them, so every one of those bundles can carry them.
 *
 * - **Standing.** A practitioner is shown and booked only while their profile is verified and
 *   their account is active and still holds the profile's role (`standingOf`); anything else is
 *   404, as if unknown.
 * - **Credentials.** Only on a date one of their credentials is valid (`hasValidCredential`:
 *   `expiresOn` on or after that date, on their own calendar). A profile without any credential
 *   has none valid. Listing (the directory) asks about today in the practitioner's zone
 *   (`localToday`); a slot, a booking or a matched visit asks about its own date. Credentials are
 *   confidential, so a date without one reads like a date outside the practitioner's hours.
 * - **Modes** (`offersMode`): `in_person` is a visit to a provider's practice, `home_visit` a
 *   caregiver's visit to the patient's home, `video` anyone whose profile offers telehealth.
 */

/** Why a practitioner is not shown (all of them answer 404): only the audit event tells them apart. */
export type Hidden = 'not_found' | 'not_verified' | 'account_inactive' | 'role_revoked';

/**
 * Why `record` may not be shown or booked, given its owner's `account`; `undefined` when it may.
 *
 * @example
 * standingOf(profile, { status: 'deleted', roles: ['provider'] }); // 'account_inactive'
 */
export const standingOf = (
  record: Pick<PractitionerRecord, 'kind' | 'verified'> | undefined,
  account: Pick<UserRecord, 'status' | 'roles'> | undefined,
): Hidden | undefined =>
  record === undefined
    ? 'not_found'
    : !record.verified
      ? 'not_verified'
      : account?.status !== 'active'
        ? 'account_inactive'
        : account.roles.includes(record.kind)
          ? undefined
          : 'role_revoked';

/**
 * True when one of `credentials` is valid on `date` (`YYYY-MM-DD`): it expires that day or later.
 * Dates are `YYYY-MM-DD`, so text order is date order.
 *
 * @example
 * hasValidCredential([{ expiresOn: '2027-03-15' }], '2027-03-15'); // true
 * hasValidCredential([], '2027-03-15'); // false
 */
export const hasValidCredential = (credentials: readonly { readonly expiresOn: string }[], date: LocalDate): boolean =>
  credentials.some((credential) => credential.expiresOn >= date);

/** Today's date on the practitioner's wall calendar. */
export const localToday = (timeZone: string, now: Date): LocalDate =>
  new Date(now.getTime() + offsetMinutesAt(timeZone, now.getTime()) * MINUTE_MS).toISOString().slice(0, 10);

/**
 * Whether a practitioner offers a visit in `mode`.
 *
 * @example
 * offersMode({ kind: 'caregiver', telehealth: false }, 'home_visit'); // true
 * offersMode({ kind: 'provider', telehealth: false }, 'video'); // false
 */
export const offersMode = (record: Pick<PractitionerRecord, 'kind' | 'telehealth'>, mode: AppointmentMode): boolean =>
  mode === 'video' ? record.telehealth : mode === (record.kind === 'provider' ? 'in_person' : 'home_visit');
