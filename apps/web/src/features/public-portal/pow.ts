import { searchNonce } from './pow-search.ts';

// Solves the server's challenge in a Web Worker (falls back to the page's own thread). Progress
// is the chance that a solution would have been found by now: 1 − e^(−tried / 2^bits).

export interface Solved {
  nonce: string;
  tried: number;
  ms: number;
  webCrypto: boolean;
}

export function solve(salt: string, bits: number, onProgress: (fraction: number) => void): Promise<Solved> {
  const started = performance.now();
  const expected = 2 ** bits;
  const report = (tried: number) => onProgress(Math.min(0.99, 1 - Math.exp(-tried / expected)));
  const finish = (r: { nonce: string; tried: number; webCrypto: boolean }): Solved => {
    onProgress(1);
    return { ...r, ms: Math.round(performance.now() - started) };
  };
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  if (!worker) return searchNonce(salt, bits, report).then(finish);
  const running = worker;
  return new Promise<Solved>((resolve, reject) => {
    running.onmessage = (
      event: MessageEvent<{ type: string; tried: number; nonce: string; webCrypto: boolean }>,
    ) => {
      if (event.data.type === 'progress') report(event.data.tried);
      else {
        running.terminate();
        resolve(finish(event.data));
      }
    };
    running.onerror = () => {
      running.terminate();
      // A browser that cannot run the module worker does the work on the page instead.
      searchNonce(salt, bits, report).then(finish).then(resolve, reject);
    };
    running.postMessage({ salt, bits });
  });
}
