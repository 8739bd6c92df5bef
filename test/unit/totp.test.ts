import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpStep } from '../../shared/domain/totp';

/** The RFC 4226 and RFC 6238 (SHA-1) test secret: the ASCII string "12345678901234567890". */
const RFC_SECRET = Buffer.from('12345678901234567890');

describe('Function: hotp', () => {
  it('matches the RFC 4226 Appendix D values for counters 0 to 9', () => {
    // Prepare
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

    // Act
    const codes = expected.map((_, counter) => hotp(RFC_SECRET, counter));

    // Assess
    expect(codes).toEqual(expected);
  });
});

describe('Function: totpStep with hotp (RFC 6238)', () => {
  it('matches the RFC 6238 Appendix B SHA-1 rows (8 digits)', () => {
    // Prepare
    const rows: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];

    // Act
    const codes = rows.map(([time]) => hotp(RFC_SECRET, totpStep(time), 8));

    // Assess
    expect(codes).toEqual(rows.map(([, code]) => code));
  });
});

describe('Function: matchTotp', () => {
  it('accepts the code of the current step and of one step either side, and names that step', () => {
    // Prepare
    const now = 1111111111;
    const step = totpStep(now);

    // Act
    const matches = [step - 1, step, step + 1].map((s) => matchTotp(RFC_SECRET, hotp(RFC_SECRET, s), now));

    // Assess
    expect(matches).toEqual([step - 1, step, step + 1]);
  });

  it('refuses a code two steps away, a wrong code and a code of another length', () => {
    // Prepare
    const now = 1111111111;
    const step = totpStep(now);

    // Act
    const refused = [hotp(RFC_SECRET, step - 2), hotp(RFC_SECRET, step + 2), '000000', hotp(RFC_SECRET, step, 8)].map((code) =>
      matchTotp(RFC_SECRET, code, now),
    );

    // Assess
    expect(refused).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('Function: base32Encode / base32Decode', () => {
  it('follows RFC 4648 §10 (without padding) and round-trips', () => {
    // Prepare
    const vectors: [string, string][] = [
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];

    // Act
    const encoded = vectors.map(([plain]) => base32Encode(Buffer.from(plain)));
    const decoded = vectors.map(([, text]) => base32Decode(text.toLowerCase()).toString());

    // Assess
    expect(encoded).toEqual(vectors.map(([, text]) => text));
    expect(decoded).toEqual(vectors.map(([plain]) => plain));
    expect(() => base32Decode('MZ1W')).toThrow(RangeError);
  });
});

describe('Function: otpauthUri', () => {
  it('names the issuer and account and spells out the parameters', () => {
    // Act
    const uri = otpauthUri('CareBow', 'ann@example.com', 'JBSWY3DPEHPK3PXP');

    // Assess
    expect(uri).toBe('otpauth://totp/CareBow:ann%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=CareBow&algorithm=SHA1&digits=6&period=30');
  });
});
