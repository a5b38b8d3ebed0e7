import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { projectRoot } from '@careloop/temporal';

/** Where the console is served, and where `npm run build` puts it (vite, apps/console/vite.config.ts). */
export const CONSOLE_PATH = '/app';
export const consoleBuildDir = (): string => join(projectRoot(), 'dist', 'console');

/**
 * Serves the web console (docs/console.md) from its build output: hashed
 * assets cached for a year, and every other GET under /app answered with
 * index.html (the console routes in the browser). Same origin as the API, so
 * the session cookie (SameSite=Strict) goes with its calls and helmet's CSP
 * (`default-src 'self'`) admits its scripts and styles.
 */
export function serveConsole(app: NestExpressApplication, dir = consoleBuildDir()): void {
  const index = join(dir, 'index.html');
  app.useStaticAssets(join(dir, 'assets'), { prefix: `${CONSOLE_PATH}/assets/`, index: false, immutable: true, maxAge: '365d' });
  app.use(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    if (req.path.startsWith('/assets/') || !existsSync(index)) {
      // A missing asset is a 404, not the page; a missing build says how to make one.
      res.status(404).type('text/plain').send(existsSync(index) ? 'Not found' : 'The console is not built: run npm run build.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
