// biome-ignore-all format: one line per route, so the table reads as a table
import { route, routeTable } from '../../shared/http/route';
import {
  Contact,
  ContactRequest,
  DeliveryListQuery,
  DeliveryPage,
  Preferences,
  PreferencesRequest,
  VerifyContactRequest,
} from '../../shared/contracts/notifications';
import { ANY_USER } from './access';
import { RECORDS_READ, RECORDS_WRITE } from './grants';

/** Notifications: the caller's contact details (phone and its verification), preferences, and deliveries. */
export const contactGet = /* @__PURE__ */ route('contactGet', 'GET /api/v1/me/contact', 'notifications/contact-get', ANY_USER, { summary: 'The caller’s contact details for notifications', response: Contact, grants: RECORDS_READ });
export const contactPut = /* @__PURE__ */ route('contactPut', 'PUT /api/v1/me/contact', 'notifications/contact-put', ANY_USER, { summary: 'Set (or remove) the caller’s phone and send it a verification code by SMS', body: ContactRequest, response: Contact, grants: { tables: { keys: 'read', records: 'readWrite' }, dataKeys: 'decrypt', notificationsQueue: 'send' } });
export const contactVerify = /* @__PURE__ */ route('contactVerify', 'POST /api/v1/me/contact/verify', 'notifications/contact-verify', ANY_USER, { summary: 'Verify the caller’s phone with the code it received (five attempts, ten minutes)', body: VerifyContactRequest, response: Contact, status: 200, grants: RECORDS_WRITE });
export const notificationPreferencesGet = /* @__PURE__ */ route('notificationPreferencesGet', 'GET /api/v1/me/notification-preferences', 'notifications/preferences-get', ANY_USER, { summary: 'The caller’s notification preferences (defaults until set)', response: Preferences, grants: { tables: { records: 'read' } } });
export const notificationPreferencesPut = /* @__PURE__ */ route('notificationPreferencesPut', 'PUT /api/v1/me/notification-preferences', 'notifications/preferences-put', ANY_USER, { summary: 'Replace the caller’s notification preferences', body: PreferencesRequest, response: Preferences, grants: { tables: { records: 'readWrite', identity: 'read' } } });
export const notificationList = /* @__PURE__ */ route('notificationList', 'GET /api/v1/me/notifications', 'notifications/deliveries-list', ANY_USER, { summary: 'The caller’s notification deliveries, newest first', query: DeliveryListQuery, response: DeliveryPage, grants: { tables: { records: 'read' } } });

export const notificationRoutes = /* @__PURE__ */ routeTable([contactGet, contactPut, contactVerify, notificationPreferencesGet, notificationPreferencesPut, notificationList]);
