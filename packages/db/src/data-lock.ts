import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@zhenggai/core';

// PGlite does not stop two processes from opening one data folder, and the second one's
// writes are silently lost. A lock file with the owner's pid makes the folder single-owner.

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'zhenggai.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner === process.pid || (Number.isInteger(owner) && owner > 0 && alive(owner))) {
        throw new DomainError(
          'CONFLICT',
          `数据目录 ${dataDir} 正被进程 ${owner} 使用；请先停止该进程，或用 --data 指定其他目录`,
        );
      }
      rmSync(file, { force: true }); // left behind by a crashed process
    }
  }
  throw new DomainError('CONFLICT', `无法锁定数据目录 ${dataDir}`);
}
