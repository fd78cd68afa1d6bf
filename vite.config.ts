import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev mode Vite serves the app and forwards /api to the Concord server
// (started by `npm run dev` on API_PORT, 8787 by default).
const apiPort = process.env.API_PORT ?? '8787';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/app', sourcemap: true },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
});
