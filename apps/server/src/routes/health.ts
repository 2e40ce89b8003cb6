import type { App, ServerContext } from '../context.ts';

export function healthRoutes(app: App, ctx: ServerContext) {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: '健康检查：状态与所用数据库' } },
    async () => {
      await ctx.database.query('SELECT 1');
      return { status: 'ok', database: ctx.database.kind };
    },
  );
}
