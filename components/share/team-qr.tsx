'use client';

import { useQrDataUrl } from '@/components/ui/use-qr';

/** The team link as a QR code, so people in the room join from their phones (journey 1). */
export function TeamQr({ link }: { link: string }) {
  const src = useQrDataUrl(link, 200);
  if (!src) return null;
  return (
    <figure className="flex items-center gap-3" data-testid="share-qr">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL; nothing to optimise */}
      <img
        src={src}
        alt="QR code of the team link"
        width={96}
        height={96}
        className="rounded-md bg-white p-1"
      />
      <figcaption className="text-xs text-muted">
        Scan to join with the team link.
        <br />
        Replacing the team link changes this code.
      </figcaption>
    </figure>
  );
}
