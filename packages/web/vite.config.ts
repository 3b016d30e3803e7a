import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

// The app is served by the Cairn server from packages/web/dist, on the same origin as /api.
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: "autoUpdate",
      // An external registerSW.js: the server's Content-Security-Policy allows no inline script.
      injectRegister: "script",
      // The glob below already precaches every icon; listing them again would only duplicate entries.
      includeManifestIcons: false,
      manifest: {
        name: "Cairn",
        short_name: "Cairn",
        description: "Private, daily support for your recovery.",
        lang: "en",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "portrait",
        theme_color: "#1d5c57",
        background_color: "#f7f5f0",
        icons: [
          { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
          { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        // Only this build's own files are precached; nothing from another origin.
        globPatterns: ["**/*.{js,css,html,svg,png}"],
        navigateFallback: "/index.html",
        // API responses are personal and must always be fresh: the service worker never caches /api/.
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // On the first visit the worker takes the open page at once, so screens not yet opened still load with
        // no connection a minute later (an update still waits for the app's tabs to close).
        clientsClaim: true,
      },
    }),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
  },
  server: {
    proxy: {
      // `ws: true` carries the live connection (/api/v1/ws) too.
      "/api": { target: "http://localhost:8080", changeOrigin: false, ws: true },
    },
  },
});
