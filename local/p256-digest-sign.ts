import { type KeyObject, randomBytes } from 'node:crypto';

/**
 * ECDSA P-256 over a digest the caller already computed (KMS `Sign` with `MessageType: DIGEST`), DER-encoded as KMS
 * answers. Node's `crypto.sign` always hashes its input, so the signature equation is written out here with BigInt:
 * for the KMS stand-in only, never for anything that ships (it is not constant-time).
 */
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const A = P - 3n;
const G = {
  x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
};
type Point = { x: bigint; y: bigint } | undefined;

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;
const inverse = (a: bigint, m: bigint): bigint => {
  let [r0, r1, t0, t1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, t0, t1] = [r1, r0 - q * r1, t1, t0 - q * t1];
  }
  return mod(t0, m);
};
const add = (p: Point, q: Point): Point => {
  if (p === undefined) return q;
  if (q === undefined) return p;
  if (p.x === q.x && mod(p.y + q.y, P) === 0n) return undefined;
  const slope = p.x === q.x ? mod((3n * p.x * p.x + A) * inverse(2n * p.y, P), P) : mod((q.y - p.y) * inverse(q.x - p.x, P), P);
  const x = mod(slope * slope - p.x - q.x, P);
  return { x, y: mod(slope * (p.x - x) - p.y, P) };
};
const multiply = (k: bigint, point: Point): Point => {
  let result: Point;
  let addend = point;
  for (let bits = k; bits > 0n; bits >>= 1n) {
    if (bits & 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result;
};
const toBigInt = (bytes: Uint8Array): bigint => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
const derInteger = (value: bigint): Buffer => {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.of(0), bytes]);
  return Buffer.concat([Buffer.of(0x02, bytes.length), bytes]);
};

/**
 * Signs a 32-byte SHA-256 digest with a P-256 private key; the DER signature verifies as `verify('sha256', message, …)`
 * over the message the digest was taken of.
 *
 * @example
 * const der = signP256Digest(privateKey, createHash('sha256').update(message).digest());
 */
export const signP256Digest = (privateKey: KeyObject, digest: Uint8Array): Buffer => {
  const d = toBigInt(Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'));
  const z = toBigInt(digest);
  for (;;) {
    const k = mod(toBigInt(randomBytes(40)), N - 1n) + 1n;
    const r = mod(multiply(k, G)!.x, N);
    const s = mod(inverse(k, N) * (z + r * d), N);
    if (r === 0n || s === 0n) continue;
    const body = Buffer.concat([derInteger(r), derInteger(s)]);
    return Buffer.concat([Buffer.of(0x30, body.length), body]);
  }
};
