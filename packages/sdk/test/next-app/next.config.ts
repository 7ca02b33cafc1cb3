import type { NextConfig } from "next";

// A minimal Next.js app protecting its route handlers with @keysmith/sdk/next, started by
// e2e/api/sdk-next.spec.ts with `next dev` against the started Keysmith (KEYSMITH_URL).
const nextConfig: NextConfig = {};

export default nextConfig;
