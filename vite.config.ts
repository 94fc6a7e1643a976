import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  // @datadog/sketches-js requires protobufjs only for DDSketch.toProto/fromProto (never used); it is not installed.
  resolve: { alias: { 'protobufjs/minimal': fileURLToPath(new URL('./src/worker/protobufStub.ts', import.meta.url)) } },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: { target: 'es2022', sourcemap: true },
});
