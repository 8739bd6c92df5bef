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
// biome-ignore format: one line per route, so the table reads as a table
export const notificationRoutes = routeTable({
  contactGet: route('GET /api/v1/me/contact', 'notifications/contact-get', ANY_USER, { summary: 'The caller’s contact details for notifications', response: Contact, grants: RECORDS_READ }),
  contactPut: route('PUT /api/v1/me/contact', 'notifications/contact-put', ANY_USER, { summary: 'Set (or remove) the caller’s phone and send it a verification code by SMS', body: ContactRequest, response: Contact, grants: { ...RECORDS_WRITE, notificationsQueue: 'send' } }),
  contactVerify: route('POST /api/v1/me/contact/verify', 'notifications/contact-verify', ANY_USER, { summary: 'Verify the caller’s phone with the code it received (five attempts, ten minutes)', body: VerifyContactRequest, response: Contact, status: 200, grants: RECORDS_WRITE }),
  notificationPreferencesGet: route('GET /api/v1/me/notification-preferences', 'notifications/preferences-get', ANY_USER, { summary: 'The caller’s notification preferences (defaults until set)', response: Preferences, grants: { tables: { records: 'read' } } }),
  notificationPreferencesPut: route('PUT /api/v1/me/notification-preferences', 'notifications/preferences-put', ANY_USER, { summary: 'Replace the caller’s notification preferences', body: PreferencesRequest, response: Preferences, grants: { tables: { records: 'readWrite' } } }),
  notificationList: route('GET /api/v1/me/notifications', 'notifications/deliveries-list', ANY_USER, { summary: 'The caller’s notification deliveries, newest first', query: DeliveryListQuery, response: DeliveryPage, grants: { tables: { records: 'read' } } }),
});
