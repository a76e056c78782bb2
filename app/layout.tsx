import type { Metadata, Viewport } from "next";
import "./globals.css";
import { ServiceWorkerRegistration } from "@/components/tablet/service-worker";

// Every page is rendered per request, so Next.js can put the request's CSP nonce (proxy.ts) on
// its inline scripts; a page built ahead of time would carry none and its scripts would not run.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Complaint Coach",
  description: "Guides front-line staff through a customer complaint, step by step.",
  applicationName: "Complaint Coach",
  appleWebApp: { capable: true, title: "Coach", statusBarStyle: "black-translucent" },
  icons: { icon: "/icons/icon-192.png", apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0f172a",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-dvh antialiased">
        {children}
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
