import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Shellboard', template: '%s · Shellboard' },
  description: 'Post shell stories, refine them together, live.',
  // Board links carry their key in the fragment; never leak the page address to other sites.
  referrer: 'no-referrer',
};

// The server sends a per-request nonce CSP; Next can only stamp that nonce on its scripts when a
// page renders per request, so every page is dynamic (a prerendered page would not hydrate).
export const dynamic = 'force-dynamic';

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafa' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {children}
      </body>
    </html>
  );
}
