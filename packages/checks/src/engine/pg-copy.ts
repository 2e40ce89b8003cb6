// COPY … FROM STDIN with nothing but `pg`: a custom submittable (the protocol that
// pg-copy-streams uses), streaming a file with back-pressure.
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import type pg from 'pg';

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

class CopyFromFile {
  callback?: (err: Error | null) => void;
  private error: Error | null = null;
  rowCount = 0;
  constructor(
    readonly text: string,
    private readonly file: string,
    private readonly done: (err: Error | null, rows: number) => void,
  ) {}

  submit(connection: PgConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: PgConnection): void {
    void (async () => {
      try {
        for await (const chunk of createReadStream(this.file, { highWaterMark: 1 << 20 })) {
          connection.sendCopyFromChunk(chunk as Buffer);
          if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
        }
        connection.endCopyFrom();
      } catch (e) {
        connection.sendCopyFail((e as Error).message);
      }
    })();
  }

  handleCommandComplete(msg: { text?: string }): void {
    this.rowCount = Number(/\d+$/.exec(msg.text ?? '')?.[0] ?? 0);
  }

  handleError(err: Error): void {
    this.error = err;
    this.done(err, 0);
  }

  handleReadyForQuery(): void {
    if (!this.error) this.done(null, this.rowCount);
  }

  // The client may deliver these for any query; a COPY has nothing to do with them.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handleCopyData(): void {}
  handlePortalSuspended(): void {}
}

/** Streams `file` (CSV, no header) into `COPY <target> FROM STDIN`. Returns rows copied. */
export function copyFromFile(
  client: pg.Client | pg.PoolClient,
  copySql: string,
  file: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const q = new CopyFromFile(copySql, file, (err, rows) => (err ? reject(err) : resolve(rows)));
    void (client as unknown as { query(q: unknown): unknown }).query(q);
  });
}
