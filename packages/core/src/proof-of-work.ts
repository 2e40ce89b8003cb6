import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from './errors.ts';

// A proof-of-work challenge for the public form: the server hands out {id, salt, bits, expires}
// signed with its own secret; the browser finds a nonce such that SHA-256(salt + nonce) starts
// with `bits` zero bits. The server keeps no state until the answer comes back (then it records
// the id as spent, so each challenge is accepted once).

export interface Challenge {
  id: string;
  salt: string;
  bits: number;
  /** Epoch milliseconds. */
  expires: number;
}

export interface IssuedChallenge extends Challenge {
  /** `id.salt.bits.expires.signature`, sent back unchanged with the nonce. */
  token: string;
}

const sign = (secret: string, c: Challenge) =>
  createHmac('sha256', secret).update(`${c.id}.${c.salt}.${c.bits}.${c.expires}`).digest('hex');

export function issueChallenge(
  secret: string,
  bits: number,
  ttlMs: number,
  now = Date.now(),
): IssuedChallenge {
  const challenge: Challenge = {
    id: randomBytes(16).toString('hex'),
    salt: randomBytes(16).toString('hex'),
    bits,
    expires: now + ttlMs,
  };
  const token = `${challenge.id}.${challenge.salt}.${bits}.${challenge.expires}.${sign(secret, challenge)}`;
  return { ...challenge, token };
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function powDigest(salt: string, nonce: string): Buffer {
  return createHash('sha256')
    .update(salt + nonce)
    .digest();
}

const refused = (message: string) => new DomainError('VALIDATION', message, { field: 'challenge' });

/**
 * Checks the signature, expiry, difficulty (at least `minBits`) and the nonce. Single use is the
 * caller's part: it records `id` as spent in the same transaction that stores the message.
 */
export function verifyChallenge(
  secret: string,
  token: string,
  nonce: string,
  minBits: number,
  now = Date.now(),
): Challenge {
  const parts = token.split('.');
  if (parts.length !== 5) throw refused('验证信息无效，请刷新页面重试');
  const [id, salt, bitsText, expiresText, signature] = parts as [string, string, string, string, string];
  if (!/^[0-9a-f]{32}$/.test(id) || !/^[0-9a-f]{32}$/.test(salt) || !/^[0-9a-f]{64}$/.test(signature))
    throw refused('验证信息无效，请刷新页面重试');
  const challenge: Challenge = { id, salt, bits: Number(bitsText), expires: Number(expiresText) };
  const expected = Buffer.from(sign(secret, challenge), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
    throw refused('验证信息被篡改，请刷新页面重试');
  if (!(challenge.expires > now)) throw refused('验证已过期，请重新提交');
  if (!(challenge.bits >= minBits)) throw refused('验证难度不足，请刷新页面重试');
  if (!/^[0-9]{1,20}$/.test(nonce) || leadingZeroBits(powDigest(salt, nonce)) < challenge.bits)
    throw refused('验证未通过，请重新提交');
  return challenge;
}

/** Finds a nonce (for tests and scripts; the browser does the same with Web Crypto). */
export function solveChallenge(salt: string, bits: number): string {
  for (let n = 0; ; n++) {
    if (leadingZeroBits(powDigest(salt, String(n))) >= bits) return String(n);
  }
}
