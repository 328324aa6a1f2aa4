/**
 * `jiaohe web`: serves the offline page (dist/jiaohe.html, built by scripts/build-web.mjs) on
 * 127.0.0.1 for people who would rather not open a file from disk, until Ctrl-C. It writes
 * nothing and serves only that one file: the checking happens in the browser, so no report ever
 * reaches this process.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './check-command.js';
import { CliError, cliMessage, errnoText } from './messages.js';
import type { Locale } from '../engine/messages.js';

/** Where the page is: beside the CLI's bundle in dist/, or in dist/ when run from the sources. */
function pageCandidates(): string[] {
  return [fileURLToPath(new URL('./jiaohe.html', import.meta.url)), fileURLToPath(new URL('../../dist/jiaohe.html', import.meta.url))];
}

/** The page and the policy it declares, which the server sends as a header too. */
function readPage(): { html: Buffer; csp: string } {
  const paths = pageCandidates();
  for (const path of paths) {
    let html: Buffer;
    try {
      html = readFileSync(path);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') continue;
      throw new CliError('cannotRead', { path, why: errnoText(error) });
    }
    // The page's own meta policy, so the header can never say less than the page does.
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html.subarray(0, 4096).toString('utf8'))?.[1];
    if (!csp) throw new CliError('webPageBroken', { path });
    return { html, csp };
  }
  throw new CliError('webPageMissing', { path: paths[0]! });
}

/**
 * Serves the page on a free port of 127.0.0.1 and prints its address; resolves with exit code 0
 * when the process is interrupted (Ctrl-C) or terminated.
 */
export async function runWeb(locale: Locale, io: CliIo): Promise<number> {
  const { html, csp } = readPage();
  const headers = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(html.length),
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  let port = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Another site's page cannot reach this one by a name of its own pointed at 127.0.0.1 (DNS rebinding).
    const host = req.headers.host ?? '';
    const local = host === `127.0.0.1:${port}` || host === `localhost:${port}`;
    const path = (req.url ?? '').split('?')[0];
    if (!local || path !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(local && path === '/' ? 405 : 404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': "default-src 'none'" });
      res.end(local && path === '/' ? 'Method Not Allowed\n' : 'Not Found\n');
      return;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  }).catch((error: unknown) => {
    throw new CliError('webCannotListen', { why: errnoText(error) });
  });
  port = (server.address() as AddressInfo).port;
  io.stdout(`${cliMessage(locale, 'webServing', { url: `http://127.0.0.1:${port}/` })}\n`);
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve(0));
      // Browsers keep connections open: they must not hold the process.
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
