// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (server/index.ts) owns /api and /sync; Next only renders pages.
  typescript: { ignoreBuildErrors: false },
  // One Yjs in the process: bundled into the server-rendering chunks it would be a second copy beside
  // the sync server's, and Yjs warns that constructor checks break across copies.
  serverExternalPackages: ['yjs'],
};

module.exports = nextConfig;
