import type { NextConfig } from "next";

// The benchmark peer: a Next.js app with one route handler, built with `next build bench/peer`.
const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite"],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
