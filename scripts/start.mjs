// `npm start`: build the web UI when its sources are newer than the build, then serve.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const web = 'apps/web';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

if (existsSync(join(web, 'index.html'))) {
  const built = join(web, 'dist', 'index.html');
  const stale = !existsSync(built) || newest(join(web, 'src')) > statSync(built).mtimeMs;
  if (stale) {
    console.log('正在构建网页界面 Building the web UI…');
    const result = spawnSync('npm', ['run', 'build', '-w', '@zhenggai/web'], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const result = spawnSync(process.execPath, ['apps/cli/bin/zhenggai.mjs', 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
