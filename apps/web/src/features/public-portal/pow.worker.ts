import { searchNonce } from './pow-search.ts';

// Runs the proof-of-work search off the page's thread.

interface Job {
  salt: string;
  bits: number;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Job>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (event) => {
  const { salt, bits } = event.data;
  void searchNonce(salt, bits, (tried) => scope.postMessage({ type: 'progress', tried })).then((result) =>
    scope.postMessage({ type: 'done', ...result }),
  );
};
