// Serves the built web client (client/dist): its assets, and index.html for the client's own paths (/tasks, /board …).
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths that belong to the server, never to the client's router. */
const SERVER_PATHS = /^\/(api|health|metrics)(\/|$)/;

export function hostClient(app: NestExpressApplication, dist: string): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(dist, { index: 'index.html' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const wantsPage = (req.method === 'GET' || req.method === 'HEAD') && !SERVER_PATHS.test(req.path) && !/\.\w+$/.test(req.path) && req.accepts(['html', 'json']) === 'html';
    if (!wantsPage) return next();
    res.sendFile(index);
  });
  return true;
}
