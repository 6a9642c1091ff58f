// The Remix Vite plugin does not read remix.config.js: all Remix configuration lives here.
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: Number(process.env.PORT) || 3000 },
  // pdf.js (510 kB, loaded only on a material page with a PDF: components/pdf-preview.tsx) is the one larger chunk.
  build: { target: "es2022", chunkSizeWarningLimit: 600 },
  ssr: { external: ["better-sqlite3", "@node-rs/argon2"] },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
  ],
});
