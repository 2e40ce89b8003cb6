import { describe, expect, it } from 'vitest';
import {
  defaultDueDate,
  issueChallenge,
  leadingZeroBits,
  powDigest,
  solveChallenge,
  verifyChallenge,
} from '../src/index.ts';

const SECRET = 'a'.repeat(64);

describe('proof of work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0, 0x10, 0xff]))).toBe(19);
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0x01]))).toBe(7);
  });

  it('accepts a solved challenge and refuses a bad nonce, expiry, low difficulty and tampering', () => {
    const now = 1_700_000_000_000;
    const c = issueChallenge(SECRET, 8, 60_000, now);
    const nonce = solveChallenge(c.salt, 8);
    expect(leadingZeroBits(powDigest(c.salt, nonce))).toBeGreaterThanOrEqual(8);
    expect(verifyChallenge(SECRET, c.token, nonce, 8, now + 1000).id).toBe(c.id);
    // A nonce that does not reach the difficulty.
    let bad = 0;
    while (leadingZeroBits(powDigest(c.salt, String(bad))) >= 8) bad++;
    expect(() => verifyChallenge(SECRET, c.token, String(bad), 8, now)).toThrow(/验证未通过/);
    expect(() => verifyChallenge(SECRET, c.token, 'abc', 8, now)).toThrow(/验证未通过/);
    // Expired.
    expect(() => verifyChallenge(SECRET, c.token, nonce, 8, now + 60_001)).toThrow(/已过期/);
    // The server now wants more work than this challenge asked for.
    expect(() => verifyChallenge(SECRET, c.token, nonce, 9, now)).toThrow(/难度不足/);
    // Lowering the difficulty in the token breaks the signature.
    const parts = c.token.split('.');
    const easier = [parts[0], parts[1], '1', parts[3], parts[4]].join('.');
    expect(() => verifyChallenge(SECRET, easier, '0', 1, now)).toThrow(/篡改/);
    const later = [parts[0], parts[1], parts[2], String(now + 10 ** 9), parts[4]].join('.');
    expect(() => verifyChallenge(SECRET, later, nonce, 8, now)).toThrow(/篡改/);
    // Another server's secret.
    expect(() => verifyChallenge('b'.repeat(64), c.token, nonce, 8, now)).toThrow(/篡改/);
    expect(() => verifyChallenge(SECRET, 'garbage', nonce, 8, now)).toThrow(/无效/);
  });

  it('gives a unit one calendar month', () => {
    expect(defaultDueDate('2026-01-05')).toBe('2026-02-05');
    expect(defaultDueDate('2026-01-31')).toBe('2026-02-28');
    expect(defaultDueDate('2024-01-31')).toBe('2024-02-29');
    expect(defaultDueDate('2026-12-15')).toBe('2027-01-15');
  });
});
