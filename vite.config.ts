import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The browser app lives in client/. `npm run build` writes dist/client, which `npm start` serves;
 * `npm run dev` runs Vite inside the server process (middleware mode) with hot reload, same origin.
 */
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true },
});
