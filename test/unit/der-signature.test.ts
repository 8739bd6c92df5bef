import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToJose } from '../../shared/adapters/aws/der-signature';

describe('Function: derToJose', () => {
  it('turns DER ECDSA signatures (as KMS returns them) into verifiable JOSE r‖s', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    // Many signatures, so r or s with a leading zero byte or a high bit (DER padding) occur.
    for (let i = 0; i < 200; i++) {
      const data = Buffer.from(`message ${i}`);
      const jose = derToJose(sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }));
      expect(jose).toHaveLength(64);
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, jose)).toBe(true);
    }
  });

  it('refuses input that is not a DER signature', () => {
    expect(() => derToJose(new Uint8Array([0x31, 0x00]))).toThrow(/SEQUENCE/);
    expect(() => derToJose(new Uint8Array([0x30, 0x06, 0x05, 0x01, 0x01]))).toThrow(/INTEGER/);
  });
});
