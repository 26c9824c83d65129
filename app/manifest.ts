import type { MetadataRoute } from "next";

/** So a responder can add Firebreak to a phone's home screen and open it like an app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Firebreak",
    short_name: "Firebreak",
    description: "Incident command from your disaster recovery plan",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#c03510",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
