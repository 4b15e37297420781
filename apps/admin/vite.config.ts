import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dashboard talks only to /graphql on its own origin; in dev Vite forwards it to the API.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/graphql': { target: process.env.API_URL ?? 'http://127.0.0.1:4000', changeOrigin: false } },
  },
  build: { outDir: 'dist', chunkSizeWarningLimit: 4000, sourcemap: false },
});
