import { expect } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import { providerProfile, weeklyHours } from '../helpers/care-fixtures';
import { careNetwork } from '../helpers/care-network';
import type { TestBackend } from '../helpers/test-backend';
import { accountHolding } from '../helpers/admin';
import { tokenFor } from '../helpers/tokens';
import { MILD_COLD } from '../helpers/triage';

/** A registered account acting in one role: its id and a token carrying that role only. */
export interface FuzzAccount {
  readonly userId: string;
  readonly token: string;
}

/** What the fuzzer starts from: one account per role, and the ids of real records it may aim at. */
export interface FuzzWorld {
  readonly accounts: ReadonlyMap<Role, FuzzAccount>;
  readonly knownIds: readonly string[];
}

/**
 * A small world through the real routes, so fuzzed ids sometimes hit something: a verified
 * provider with weekly hours, a patient with a profile, a consent to that provider, a symptom
 * session and a booked visit, an editor's draft post, and a plain account for every other role.
 *
 * @example
 * const { accounts, knownIds } = await seedFuzzWorld(backend);
 */
export const seedFuzzWorld = async (backend: TestBackend): Promise<FuzzWorld> => {
  const care = await careNetwork(backend);
  const asRole = async (userId: string, role: Role): Promise<FuzzAccount> => ({ userId, token: await tokenFor(backend.dataDir, userId, [role]) });
  // An account that holds its role, as an admin or the operator CLI gives it: writes and reads check the account too.
  const plain = (role: Role): Promise<FuzzAccount> => accountHolding(backend, role);

  const provider = await care.practitioner({ profile: providerProfile(), availability: weeklyHours('06:00', '22:00') });
  const patient = await plain('patient');
  const editor = await care.account('editor');
  const put = (path: string, body: unknown, token: string) =>
    backend.call(path.startsWith('PUT ') ? 'PUT' : 'POST', path.replace(/^\w+ /, ''), { token, body });
  const created = async (path: string, body: unknown, token: string): Promise<Record<string, any>> => {
    const response = await put(path, body, token);
    expect(response.status, `${path}: ${response.text}`).toBeLessThan(300);
    return response.json;
  };

  await created('PUT /api/v1/profile', { sex: 'female', allergies: ['penicillin'] }, patient.token);
  const consent = await created('POST /api/v1/consents', { granteeId: provider.userId, scopes: ['profile.read'], purpose: 'treatment' }, patient.token);
  const session = await created('POST /api/v1/symptom-sessions', MILD_COLD, patient.token);
  const [slot] = (await care.slots(provider.userId, patient.token)).items;
  const appointment = await care.booked(patient.token, { practitionerId: provider.userId, start: slot!.start });
  await created('POST /api/v1/content/categories', { slug: 'wellbeing', name: 'Wellbeing' }, care.adminToken);
  const post = await created(
    'POST /api/v1/content/posts',
    { slug: 'fuzz-post', title: 'Fuzz', summary: 'A post to aim at.', body: '# Water', category: 'wellbeing', tags: ['fuzz'], language: 'en' },
    editor.token,
  );

  const accounts = new Map<Role, FuzzAccount>([
    ['patient', patient],
    ['provider', await asRole(provider.userId, 'provider')],
    ['editor', await asRole(editor.userId, 'editor')],
    ['caregiver', await plain('caregiver')],
    ['admin', await plain('admin')],
    ['compliance', await plain('compliance')],
  ]);
  const ids = [...[...accounts.values()].map((account) => account.userId), consent['id'], session['id'], appointment.id, post['id']];
  return { accounts, knownIds: ids.filter((id): id is string => typeof id === 'string') };
};
