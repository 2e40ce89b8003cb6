export { buildServer, WEB_DIST, type BuildOptions } from './app.ts';
export type { App, ServerContext } from './context.ts';
export { HTTP_STATUS, toHttp } from './errors.ts';
export { startServer, type StartOptions } from './start.ts';
export { createMailer, mailerFromEnv, type Mailer } from './mailer.ts';
