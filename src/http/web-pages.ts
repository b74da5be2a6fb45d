import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Response, type Router } from 'express';

/**
 * The two browser pages the server serves besides its APIs: the admin console (a single-page app
 * built into `console/dist` by `npm run build`) under `/console`, and the API reference (Redoc,
 * from the same build, reading openapi.yaml) under `/docs`. They are static pages, not API
 * operations, so they are not in openapi.yaml; the console talks only to the public Admin API.
 */
export interface WebPagesOptions {
  /** The console's build output (index.html, assets/, docs/). */
  readonly consoleDir: string;
  /** openapi.yaml, served as the docs page's source. */
  readonly specFile: string;
}

const NONCE = '__CSP_NONCE__';
/** Vite names built assets by content hash: they never change under one name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The console may load only its own files; Mantine's one style element carries the nonce. */
const consoleCsp = (nonce: string): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' 'report-sample'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * Redoc renders with styled-components, which writes style elements without a nonce, and runs
 * its search index in a worker made from a blob: both are allowed here, and only here.
 */
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function notBuilt(res: Response): void {
  res
    .status(503)
    .type('text/plain')
    .set('Cache-Control', 'no-store')
    .send('The console is not built: run `npm run build` (npm start does it first).\n');
}

/** A missing file is a plain 404, never the app (a stale hashed name must not get HTML). */
const notFound: RequestHandler = (_req, res) => {
  res.status(404).type('text/plain').set('Cache-Control', 'no-store').send('Not found\n');
};

function pageHeaders(res: Response, csp: string): void {
  res.set({
    'Content-Security-Policy': csp,
    'Cache-Control': 'no-cache',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  });
}

/** index.html with a new CSP nonce per response (read once; the build does not change it). */
function consoleIndex(dir: string): RequestHandler {
  let html: string | undefined;
  return (_req, res) => {
    const file = path.join(dir, 'index.html');
    if (html === undefined) {
      if (!fs.existsSync(file)) return notBuilt(res);
      html = fs.readFileSync(file, 'utf8');
    }
    const nonce = randomBytes(16).toString('base64');
    pageHeaders(res, consoleCsp(nonce));
    res.type('html').send(html.replaceAll(NONCE, nonce));
  };
}

function staticFiles(dir: string, cacheControl: string, csp: string): RequestHandler {
  return express.static(dir, {
    index: false,
    redirect: false,
    etag: true,
    lastModified: false,
    setHeaders: (res) => {
      res.setHeader('Cache-Control', cacheControl);
      res.setHeader('Content-Security-Policy', csp);
      res.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });
}

/** Where `npm run build` puts the console: `console/dist` at the repository root. */
export function defaultConsoleDir(): string {
  // From src/http (tsx, jest) or dist/src/http (npm start).
  const fromSource = path.resolve(__dirname, '..', '..', 'console', 'dist');
  const fromDist = path.resolve(__dirname, '..', '..', '..', 'console', 'dist');
  return fs.existsSync(path.resolve(__dirname, '..', '..', 'console')) ? fromSource : fromDist;
}

/** Mounts `/console` and `/docs`; everything else falls through to the APIs. */
export function webPages({ consoleDir, specFile }: WebPagesOptions): Router {
  const router = express.Router({ strict: true });
  const index = consoleIndex(consoleDir);
  const docsDir = path.join(consoleDir, 'docs');

  router.get('/console', (_req, res) => res.redirect(301, '/console/'));
  router.use(
    '/console/assets',
    staticFiles(path.join(consoleDir, 'assets'), IMMUTABLE, "default-src 'none'"),
    notFound,
  );
  // Every other console path is the app (it routes in the URL fragment, so this is `/` mostly).
  router.get(/^\/console\/.*/, index);

  router.get(['/docs', '/docs/'], (_req, res) => {
    const file = path.join(docsDir, 'index.html');
    if (!fs.existsSync(file)) return notBuilt(res);
    pageHeaders(res, DOCS_CSP);
    res.sendFile(file);
  });
  router.get('/docs/openapi.yaml', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.type('application/yaml').sendFile(specFile);
  });
  router.use('/docs', staticFiles(docsDir, 'no-cache', DOCS_CSP), notFound);
  return router;
}
