// Builds the workbench page into $PARLEY_WEB_OUT (the CMake build tree's web/ folder,
// next to the parley binary, where parley serve finds it) or web/dist.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: process.env.PARLEY_WEB_OUT || 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 200,
  },
  logLevel: 'warn',
});
