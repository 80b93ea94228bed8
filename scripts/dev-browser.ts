/**
 * `npm run dev` where Electron cannot run: browser mode with hot reload. The
 * backend and host run here; Vite serves the renderer with HMR and forwards
 * /api to the host, presenting the host's own Host and Origin so the host's
 * checks stay on. The launch token rides in the printed address as usual.
 */
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';
import { startHost } from '../main/host/server.ts';
import { createConfStoreFactory } from '../main/platform/conf-store.ts';
import { resolveDataDir } from '../main/platform/data-dir.ts';
import { createBackend } from '../main/services/backend.ts';
import { createSystemClipboard } from '../main/vault/index.ts';

const dataDir = resolveDataDir(undefined);
const log = (message: string) => process.stderr.write(`countersign: ${message}\n`);
const backend = createBackend({ mode: 'browser', dataDir, stores: createConfStoreFactory(dataDir, log), log, clipboard: createSystemClipboard() });
const host = await startHost({ backend, rendererDir: 'renderer' });
const hostOrigin = `http://127.0.0.1:${host.port}`;

const vite = await createServer({
  configFile: false,
  root: 'renderer',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': {
        target: hostOrigin,
        changeOrigin: true,
        configure: (proxy) => {
          proxy.on('proxyReq', (request) => {
            if (request.getHeader('origin') !== undefined) request.setHeader('origin', hostOrigin);
          });
        },
      },
    },
  },
});
await vite.listen();
const address = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
process.stdout.write(`Countersign (browser mode, hot reload) at ${address}#token=${host.token}\nData directory: ${dataDir}\n`);

const stop = () => {
  void Promise.all([vite.close(), host.close(), backend.close()]).finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
