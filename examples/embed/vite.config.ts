import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built from the repository root by `npm run build:embed`, after `npm run build:lib`: the app
// imports only 'concord' and 'concord/style.css', resolved through the package's `exports`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
});
