/**
 * `npm run web`: serves Postwright to a browser on 127.0.0.1 and prints the address.
 *
 * Usage: npm run web -- [--site DIR] [--port N] [--no-open]
 * Without --site it opens the last site, or the sample blog on a first start.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCoreService } from '../core/service/create-service';
import { defaultUserDataDir } from '../core/app-data/app-paths';
import { startWebHost } from './web-host';
import { programPath } from '../core/util/program-path';

async function main(): Promise<void> {
  let values: { site?: string; port?: string; 'no-open'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { site: { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\nusage: npm run web -- [--site DIR] [--port N] [--no-open]`);
  }
  if (values.help) {
    process.stdout.write('usage: npm run web -- [--site DIR] [--port N] [--no-open]\n');
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not '${values.port}'`);

  const distDir = path.resolve(__dirname, '..');
  const service = await createCoreService({
    userDataDir: defaultUserDataDir(),
    sampleDir: path.resolve(distDir, '..', 'resources', 'sample-blog'),
    host: 'web',
    assetBase: '/site-file/',
    canChooseFolder: false,
    // The folder named on the command line may be opened even when it holds no Jekyll site yet.
    allowedRoots: values.site ? [path.resolve(values.site)] : [],
  });
  try {
    await service.api.openSite(values.site ? { path: path.resolve(values.site), allowNonJekyll: true } : {});
  } catch (error) {
    fail(`cannot open ${values.site ?? 'the sample blog'}: ${(error as Error).message}`);
  }
  const host = await startWebHost({ service, rendererDir: path.join(distDir, 'renderer'), port });
  process.stdout.write(`${host.openUrl}\n`);
  process.stderr.write('Postwright is serving on 127.0.0.1 only. Press Ctrl+C to stop.\n');
  if (!values['no-open']) openBrowser(host.openUrl);

  const stop = () => {
    void host.close().then(() => service.close()).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openBrowser(url: string): void {
  const command = programPath(process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open');
  if (!command) {
    process.stderr.write(`Open ${url} in your browser.\n`);
    return;
  }
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`Open ${url} in your browser.\n`));
    child.unref();
  } catch {
    process.stderr.write(`Open ${url} in your browser.\n`);
  }
}

function fail(message: string): never {
  process.stderr.write(`postwright web: ${message}\n`);
  process.exit(2);
}

void main();
