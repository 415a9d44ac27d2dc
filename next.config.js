// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (server/index.ts) owns /api and /sync; Next only renders pages.
  // The type check is `npm run typecheck` (tsc over the same tsconfig; the first step of `npm test` and
  // CI): next build would repeat it, about half of a cold build and of `npm start`'s first run.
  typescript: { ignoreBuildErrors: true },
  // One Yjs in the process: bundled into the server-rendering chunks it would be a second copy beside
  // the sync server's, and Yjs warns that constructor checks break across copies.
  serverExternalPackages: ['yjs'],
  // SHELLBOARD_SOURCE_MAPS=1: browser source maps, so a profile of the production build names our
  // functions (docs/performance.md, profiling).
  productionBrowserSourceMaps: process.env.SHELLBOARD_SOURCE_MAPS === '1',
};

module.exports = nextConfig;
