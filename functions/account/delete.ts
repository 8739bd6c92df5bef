import { accountRoutes as routes } from '../routes/account';
import { deleteAccount } from '../../shared/account/delete-account';
import { httpRoute } from '../../shared/http/http-route';
import {
  users,
  refreshFamilies,
  records,
  vault,
  auditLog,
  clock,
  practitionerRemover,
  availabilityStore,
  ledgers,
  appointments,
  ratingRemover,
} from '../../shared/runtime/composition';

const deps = {
  users: users(),
  refreshFamilies: refreshFamilies(),
  consents: records(),
  practitioners: practitionerRemover(),
  availability: availabilityStore(),
  ratings: ratingRemover(),
  ledgers: ledgers(),
  appointments: appointments(),
  vault: vault(),
  audit: auditLog(),
  clock,
};

/** DELETE /api/v1/me: revokes everything, removes the caller's care profile, cancels their future visits, and crypto-shreds the caller's PHI. */
export const handler = httpRoute(
  routes.deleteMe,
  async ({ caller, meta }) => {
    await deleteAccount(deps, caller, meta);
    return {};
  },
  { audit: deps.audit },
);
