import { describe, expect, it } from 'vitest';
import { places } from '../../shared/vault/places';
import { DataKeyDestroyedError, UnknownDataSubjectError } from '../../shared/vault/errors';
import { Vault } from '../../shared/vault/vault';
import { inMemoryDataKeys } from '../helpers/in-memory';

describe('Class: Vault', () => {
  it('makes no key-service call on a warm request', async () => {
    // Prepare
    const keys = inMemoryDataKeys();
    const vault = new Vault(keys.repository, keys.service);
    await vault.createKey('u1');
    const sealed = await vault.seal(places.profile('u1'), '{"allergies":["nuts"]}');
    const before = { ...keys.calls };

    // Act
    for (let i = 0; i < 1000; i++) await vault.open(places.profile('u1'), await vault.seal(places.profile('u1'), `value ${i}`));
    await vault.open(places.profile('u1'), sealed);

    // Assess
    expect(keys.calls).toEqual(before);
  });

  it('unwraps once per container for a user sealed elsewhere, then serves from cache', async () => {
    // Prepare
    const keys = inMemoryDataKeys();
    await new Vault(keys.repository, keys.service).createKey('u1');
    const cold = new Vault(keys.repository, keys.service);

    // Act
    for (let i = 0; i < 10; i++) await cold.seal(places.profile('u1'), 'x');

    // Assess
    expect(keys.calls.unwrap).toBe(1);
  });

  it('bounds a cached key by age and by uses', async () => {
    // Prepare
    const keys = inMemoryDataKeys();
    let now = 0;
    await new Vault(keys.repository, keys.service).createKey('u1');
    const vault = new Vault(keys.repository, keys.service, { maxKeyAgeMs: 1000, maxKeyUses: 5, now: () => now });

    // Act
    for (let i = 0; i < 5; i++) await vault.seal(places.profile('u1'), 'x');
    const withinBounds = keys.calls.unwrap;
    await vault.seal(places.profile('u1'), 'x');
    const afterUses = keys.calls.unwrap;
    now += 1001;
    await vault.seal(places.profile('u1'), 'x');

    // Assess
    expect(withinBounds).toBe(1);
    expect(afterUses).toBe(2);
    expect(keys.calls.unwrap).toBe(3);
  });

  it('seals nothing under a key another container destroyed since this one cached it (the account deleted elsewhere)', async () => {
    // Prepare: this container seals and opens, so the key is cached here; another one deletes the account
    const keys = inMemoryDataKeys();
    const here = new Vault(keys.repository, keys.service);
    await here.createKey('u1');
    const sealed = await here.seal(places.profile('u1'), 'before');
    await new Vault(keys.repository, keys.service).destroy('u1');

    // Act
    const refused = await here.seal(places.profile('u1'), 'after the deletion').catch((error: unknown) => error);

    // Assess: the write is refused, and the cache is gone with the key (nothing opens either)
    expect(refused).toBeInstanceOf(DataKeyDestroyedError);
    await expect(here.open(places.profile('u1'), sealed)).rejects.toBeInstanceOf(DataKeyDestroyedError);
  });

  it('seals under the version another container rotated to, without waiting for the cache to expire', async () => {
    // Prepare
    const keys = inMemoryDataKeys();
    const here = new Vault(keys.repository, keys.service);
    await here.createKey('u1');
    const old = await here.seal(places.profile('u1'), 'before');
    await new Vault(keys.repository, keys.service).rotate('u1');

    // Act
    const fresh = await here.seal(places.profile('u1'), 'after');

    // Assess
    expect(fresh.startsWith('cb1.2.')).toBe(true);
    expect(await here.open(places.profile('u1'), old)).toBe('before');
  });

  it('rotates: new seals use the new version, old ones still open', async () => {
    // Prepare
    const keys = inMemoryDataKeys();
    const vault = new Vault(keys.repository, keys.service);
    await vault.createKey('u1');
    const old = await vault.seal(places.profile('u1'), 'before');

    // Act
    const version = await vault.rotate('u1');
    const fresh = await vault.seal(places.profile('u1'), 'after');

    // Assess
    expect(version).toBe(2);
    expect(fresh.startsWith('cb1.2.')).toBe(true);
    expect(await vault.open(places.profile('u1'), old)).toBe('before');
    expect(await new Vault(keys.repository, keys.service).open(places.profile('u1'), fresh)).toBe('after');
  });

  it('seals and opens under a key version of more than one digit', async () => {
    // Prepare
    const keys = inMemoryDataKeys();
    const vault = new Vault(keys.repository, keys.service);
    await vault.createKey('u1');
    const first = await vault.seal(places.profile('u1'), 'version one');

    // Act
    let version = 1;
    while (version < 12) version = await vault.rotate('u1');
    const twelfth = await vault.seal(places.profile('u1'), 'version twelve');

    // Assess
    expect(twelfth.startsWith('cb1.12.')).toBe(true);
    expect(await vault.open(places.profile('u1'), twelfth)).toBe('version twelve');
    expect(await new Vault(keys.repository, keys.service).open(places.profile('u1'), twelfth)).toBe('version twelve');
    expect(await vault.open(places.profile('u1'), first)).toBe('version one');
  });

  it('crypto-shreds: after destroy nothing of the user opens, in this container or any other', async () => {
    // Prepare
    const keys = inMemoryDataKeys();
    const vault = new Vault(keys.repository, keys.service);
    await vault.createKey('u1');
    const sealed = await vault.seal(places.profile('u1'), 'secret');

    // Act
    await vault.destroy('u1');

    // Assess
    await expect(vault.open(places.profile('u1'), sealed)).rejects.toThrow(DataKeyDestroyedError);
    await expect(new Vault(keys.repository, keys.service).open(places.profile('u1'), sealed)).rejects.toThrow(DataKeyDestroyedError);
    await expect(vault.createKey('u1')).resolves.toBeUndefined();
    await expect(vault.open(places.profile('u1'), sealed)).rejects.toThrow(DataKeyDestroyedError);
  });

  it('refuses a user without a key', async () => {
    const keys = inMemoryDataKeys();
    await expect(new Vault(keys.repository, keys.service).seal(places.profile('nobody'), 'x')).rejects.toThrow(UnknownDataSubjectError);
  });
});
