import { deleteMe as route } from '../routes/account';
import { deleteAccount } from '../../shared/account/delete-account';
import { httpRoute } from '../../shared/http/http-route';
import {
  accountDeletion,
  familyRevoker,
  consentRevoker,
  vault,
  auditLog,
  clock,
  practitionerRemover,
  availabilityStore,
  ledgers,
  appointments,
  ratingRemover,
  notificationErasure,
  deletionNotices,
  notificationQueue,
  knownDeviceRemover,
} from '../../shared/runtime/composition';

const deps = {
  users: accountDeletion(),
  refreshFamilies: familyRevoker(),
  consents: consentRevoker(),
  practitioners: practitionerRemover(),
  availability: availabilityStore(),
  ratings: ratingRemover(),
  notificationData: notificationErasure(),
  notices: deletionNotices(),
  notifications: notificationQueue(),
  knownDevices: knownDeviceRemover(),
  ledgers: ledgers(),
  appointments: appointments(),
  vault: vault(),
  audit: auditLog(),
  clock,
};

/** DELETE /api/v1/me: revokes everything, removes the caller's care profile and notification items, cancels their future visits, crypto-shreds the caller's PHI, and queues the deletion notice. */
export const handler = httpRoute(
  route,
  async ({ caller, meta }) => {
    await deleteAccount(deps, caller, meta);
    return {};
  },
  { audit: deps.audit },
);
