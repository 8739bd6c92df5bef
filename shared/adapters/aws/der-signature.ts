/**
 * KMS returns ECDSA signatures DER-encoded (`SEQUENCE { INTEGER r, INTEGER s }`); JWS wants the
 * raw 64-byte `r‖s` (RFC 7518 §3.4). Node can only convert signatures it makes itself, so this
 * small decoder is written by hand.
 */
const readInteger = (der: Uint8Array, offset: number, size: number): { value: Uint8Array; next: number } => {
  if (der[offset] !== 0x02) throw new Error('Malformed DER signature: expected INTEGER');
  const length = der[offset + 1]!;
  let value = der.subarray(offset + 2, offset + 2 + length);
  while (value.length > size && value[0] === 0) value = value.subarray(1);
  if (value.length > size) throw new Error('Malformed DER signature: integer too long');
  const padded = new Uint8Array(size);
  padded.set(value, size - value.length);
  return { value: padded, next: offset + 2 + length };
};

/** Converts a DER ECDSA signature to JOSE form; `size` is 32 for P-256. */
export const derToJose = (der: Uint8Array, size = 32): Uint8Array => {
  if (der[0] !== 0x30) throw new Error('Malformed DER signature: expected SEQUENCE');
  // P-256 signatures are < 128 bytes, so the sequence length is a single byte.
  const r = readInteger(der, 2, size);
  const s = readInteger(der, r.next, size);
  const jose = new Uint8Array(size * 2);
  jose.set(r.value, 0);
  jose.set(s.value, size);
  return jose;
};
