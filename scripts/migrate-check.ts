// CI: apply every migration to an empty PostgreSQL database and print what was applied.
import { openDatabase } from '@zhenggai/db';

const url = process.env.ZG_MIGRATE_URL;
if (!url) throw new Error('ZG_MIGRATE_URL is not set');
const database = await openDatabase({ url, migrate: false });
const { migrate } = await import('@zhenggai/db');
const applied = await migrate(database);
const again = await migrate(database);
await database.close();
if (applied.length === 0 || again.length !== 0) {
  console.error(`migrations: applied ${applied.length}, then ${again.length} on a second run`);
  process.exit(1);
}
console.log(`migrations applied to an empty database: ${applied.join(', ')}`);
