import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Database drivers load WASM and native-ish modules at run time: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
