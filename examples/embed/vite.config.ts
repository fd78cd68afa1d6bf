import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built from the repository root by `npm run build:embed`, after `npm run build:packages`: the
// app imports only '@concord/react' and '@concord/react/style.css', which npm's workspace links
// resolve through the package's `exports` to its built dist/, as an installed copy would be.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
});
