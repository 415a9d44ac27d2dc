// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (server/index.ts) owns /api and /sync; Next only renders pages.
  typescript: { ignoreBuildErrors: false },
};

module.exports = nextConfig;
