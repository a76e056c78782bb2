import type { MetadataRoute } from "next";

/** Installable on the tablet's home screen: full screen, landscape-first, the app's own colours. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Complaint Coach",
    short_name: "Coach",
    description: "Guides front-line staff through a customer complaint, step by step — with or without Wi-Fi.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#0f172a",
    theme_color: "#0f172a",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
