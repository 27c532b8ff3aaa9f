import fs from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { joinPage } from './pages';

const ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * Client routes: each answers with the app's index.html, which picks its view from the path. The
 * administrator's pages have sub-paths (`/admin/meetings/<id>`), so a reload stays on the meeting.
 */
const APP_ROUTES = ['/join', '/projector', '/admin', '/admin/*path', '/manage'];

const FAVICON = path.join(ROOT, 'client/favicon.svg');

/**
 * The site's icon, at the address index.html names and at /favicon.ico, which browsers ask for on
 * every page that names none (the server's own pages): an SVG, which they take whatever the name.
 * Without the file, `204 No Content`: never a 404 in every page's console.
 */
function mountFavicon(app: Express): void {
  const icon = fs.existsSync(FAVICON) ? fs.readFileSync(FAVICON) : null;
  app.get(['/favicon.svg', '/favicon.ico'], (_req: Request, res: Response) => {
    if (!icon) return void res.status(204).end();
    res.set('cache-control', 'public, max-age=86400').type('image/svg+xml').send(icon);
  });
}

/**
 * Serves the browser app: the Vite build in dist/client, or, with `vite` (npm run dev), Vite itself in
 * middleware mode with hot reload on the same HTTP server. Without a build it falls back to the
 * plain join page, so the server is never without a way in.
 */
export async function mountClient(
  app: Express,
  httpServer: HttpServer,
  mode: 'built' | 'vite',
): Promise<void> {
  mountFavicon(app);
  if (mode === 'vite') {
    const { createServer } = await import('vite');
    const vite = await createServer({
      configFile: path.join(ROOT, 'vite.config.ts'),
      server: { middlewareMode: true, hmr: { server: httpServer } },
      appType: 'custom',
    });
    app.use(vite.middlewares);
    const indexFile = path.join(ROOT, 'client/index.html');
    app.get(APP_ROUTES, async (req: Request, res: Response) => {
      const html = await vite.transformIndexHtml(req.originalUrl, fs.readFileSync(indexFile, 'utf8'));
      res.type('html').send(html);
    });
    httpServer.once('close', () => void vite.close());
    return;
  }
  const dist = path.join(ROOT, 'dist/client');
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get(APP_ROUTES, joinPage);
    return;
  }
  // Hashed file names: cache for a year; index.html itself is never cached.
  app.use(
    '/assets',
    express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false }),
  );
  app.get(APP_ROUTES, (_req: Request, res: Response) => {
    res.set('cache-control', 'no-cache').sendFile(index);
  });
}
