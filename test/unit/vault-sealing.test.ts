import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DataKeyDestroyedError } from '../../shared/vault/errors';
import { places } from '../../shared/vault/places';
import { SealingVault, Vault } from '../../shared/vault/vault';
import { inMemoryDataKeys } from '../helpers/in-memory';

/**
 * `SealingVault`, the vault of a route that never makes, rotates or destroys a data key (booking,
 * cancelling): it reads the key store only, and seals and opens exactly as `Vault` does.
 */
describe('Class: SealingVault', () => {
  it('opens what the vault sealed and seals what the vault opens, on the keys the user has, reading the store only', async () => {
    // Prepare
    const keys = inMemoryDataKeys();
    const vault = new Vault(keys.repository, keys.service);
    const userId = randomUUID();
    await vault.createKey(userId);
    const place = places.profile(userId);
    const reader = { get: keys.repository.get };
    const sealing = new SealingVault(reader, { unwrap: keys.service.unwrap });

    // Act
    const fromVault = await sealing.open(place, await vault.seal(place, 'penicillin'));
    const fromSealing = await vault.open(place, await sealing.seal(place, 'latex'));
    const json = await sealing.openJson<{ a: number }>(place, await sealing.sealJson(place, { a: 1 }));

    // Assess
    expect([fromVault, fromSealing, json]).toEqual(['penicillin', 'latex', { a: 1 }]);
    expect(Object.keys(reader)).toEqual(['get']);
    expect('rotate' in sealing || 'destroy' in sealing || 'createKey' in sealing).toBe(false);
  });

  it('refuses a user whose key the vault destroyed (crypto-shredding)', async () => {
    // Prepare
    const keys = inMemoryDataKeys();
    const vault = new Vault(keys.repository, keys.service);
    const userId = randomUUID();
    await vault.createKey(userId);
    const sealed = await vault.seal(places.profile(userId), 'penicillin');
    await vault.destroy(userId);

    // Act
    const attempt = new SealingVault(keys.repository, keys.service).open(places.profile(userId), sealed);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(DataKeyDestroyedError);
  });
});
