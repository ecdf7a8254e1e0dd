import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [preact()],
  // NOTE: the chart chunk (Vega-Lite, about 800 kB, 270 kB gzipped) loads only on the Progress view.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 900 },
});
