// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import { IdParams } from '../../shared/contracts/common';
import { PractitionerProfile, PractitionerProfileRequest, PublicPractitioner, VerifyPractitionerRequest } from '../../shared/contracts/care';
import { DirectoryPage, PractitionerSearchQuery } from '../../shared/contracts/care-directory';
import { ADMIN, ANY_USER, PRACTITIONER } from './access';
import { AVAILABILITY_BODY } from './limits';
import { Availability } from '../../shared/contracts/care-availability';
import { AvailabilityView, SlotList, SlotsQuery } from '../../shared/contracts/care-appointments';

/**
 * Care: practitioner profiles (providers and caregivers). `practitionerGetOwn` stays above
 * `practitionerGet`: the local server takes the first line whose path matches, and API Gateway
 * prefers the literal `me` to `{id}` by itself.
 */
export const practitionerGetOwn = /* @__PURE__ */ route('practitionerGetOwn', 'GET /api/v1/practitioners/me', 'care/practitioner-get-own', PRACTITIONER, { summary: 'The caller’s practitioner profile, credentials included (ETag)', response: PractitionerProfile, grants: { tables: { records: 'read' } } });
export const practitionerPut = /* @__PURE__ */ route('practitionerPut', 'PUT /api/v1/practitioners/me', 'care/practitioner-put', PRACTITIONER, { summary: 'Create the caller’s practitioner profile, or replace it (If-Match)', body: PractitionerProfileRequest, headers: ['If-Match'], response: PractitionerProfile, grants: { tables: { records: 'readWrite', identity: 'read' } } });
export const practitionerVerify = /* @__PURE__ */ route('practitionerVerify', 'POST /api/v1/admin/practitioners/{id}/verify', 'care/practitioner-verify', ADMIN, { summary: 'Verify a practitioner’s profile, or withdraw the verification', params: IdParams, body: VerifyPractitionerRequest, headers: ['If-Match'], response: PractitionerProfile, status: 200, grants: { tables: { records: 'readWrite', identity: 'read' } } });
export const practitionerSearch = /* @__PURE__ */ route('practitionerSearch', 'GET /api/v1/practitioners', 'care/practitioner-search', ANY_USER, { summary: 'The directory: verified practitioners of a kind, filtered, nearest first with near (public views)', query: PractitionerSearchQuery, response: DirectoryPage, grants: { tables: { records: 'read', identity: 'read' } } });
export const practitionerGet = /* @__PURE__ */ route('practitionerGet', 'GET /api/v1/practitioners/{id}', 'care/practitioner-get', ANY_USER, { summary: 'A verified practitioner’s public profile', params: IdParams, response: PublicPractitioner, grants: { tables: { records: 'read', identity: 'read' } } });
export const availabilityGetOwn = /* @__PURE__ */ route('availabilityGetOwn', 'GET /api/v1/practitioners/me/availability', 'care/availability-get-own', PRACTITIONER, { summary: 'The caller’s availability, read in their profile’s time zone', response: AvailabilityView, grants: { tables: { records: 'read' } } });
export const availabilityPut = /* @__PURE__ */ route('availabilityPut', 'PUT /api/v1/practitioners/me/availability', 'care/availability-put', PRACTITIONER, { summary: 'Create the caller’s availability (weekly hours, exceptions, slot rules), or replace it (If-Match)', body: Availability, headers: ['If-Match'], response: AvailabilityView, maxBodyBytes: AVAILABILITY_BODY, grants: { tables: { records: 'readWrite', identity: 'read' } } });
export const practitionerSlots = /* @__PURE__ */ route('practitionerSlots', 'GET /api/v1/practitioners/{id}/slots', 'care/practitioner-slots', ANY_USER, { summary: 'A verified practitioner’s free slots in a window of at most 31 days', params: IdParams, query: SlotsQuery, response: SlotList, grants: { tables: { records: 'read' } } });

export const careRoutes = /* @__PURE__ */ routeTable([practitionerGetOwn, practitionerPut, practitionerVerify, practitionerSearch, practitionerGet, availabilityGetOwn, availabilityPut, practitionerSlots]);
