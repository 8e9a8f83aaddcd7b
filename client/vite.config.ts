// Vite config for the ServiceFlow web client: `vite build client` → client/dist; dev server proxies the API.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Preact's automatic JSX runtime (tsconfig says the same for type checking).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // One preact: the form-js editor ships its own older copy, and hooks break across two copies.
  resolve: { dedupe: ['preact'] },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // bpmn-js and the properties panel are one lazily loaded chunk of about 1 MB; that is expected.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    // The modeler imports the server's lint rules from ../src and the lint config from ../processes.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': 'http://localhost:3000' },
  },
});
