import { sha256Ascii } from './sha256.ts';

// The proof-of-work search, shared by the Web Worker and the main-thread fallback: find a nonce
// such that SHA-256(salt + nonce) starts with `bits` zero bits.

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

const BATCH = 512;

/**
 * Searches from nonce 0; reports tried counts now and then; resolves with the nonce. The plain
 * JavaScript hash is the default: in Chromium it tries about four times as many nonces per second
 * as Web Crypto, whose every digest is an asynchronous round trip (bench/public-pow.ts).
 */
export async function searchNonce(
  salt: string,
  bits: number,
  progress: (tried: number) => void,
  engine: 'js' | 'webcrypto' = 'js',
): Promise<{ nonce: string; tried: number; webCrypto: boolean }> {
  const subtle = engine === 'webcrypto' ? globalThis.crypto?.subtle : undefined;
  const encoder = new TextEncoder();
  let last = Date.now();
  for (let start = 0; ; start += BATCH) {
    let found = -1;
    if (subtle) {
      // Web Crypto answers asynchronously: many digests in flight at once hide the round trips.
      const digests = await Promise.all(
        Array.from({ length: BATCH }, (_, i) => subtle.digest('SHA-256', encoder.encode(salt + (start + i)))),
      );
      found = digests.findIndex((d) => leadingZeroBits(new Uint8Array(d)) >= bits);
    } else {
      for (let i = 0; i < BATCH; i++) {
        if (leadingZeroBits(sha256Ascii(salt + (start + i))) >= bits) {
          found = i;
          break;
        }
      }
    }
    if (found >= 0) return { nonce: String(start + found), tried: start + found + 1, webCrypto: !!subtle };
    if (Date.now() - last > 100) {
      last = Date.now();
      progress(start + BATCH);
      // Let the page (fallback on the main thread) paint between batches.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}
