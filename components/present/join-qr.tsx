'use client';

import { useQrDataUrl } from '@/components/ui/use-qr';

/**
 * The team link as a QR code, for people in the room to join from their phones. Only rendered
 * when the screen was opened with the owner key (only the owner gets `links`), so a view key
 * never shows the team key.
 */
export function JoinQr({ link }: { link: string }) {
  const src = useQrDataUrl(link);
  if (!src) return null;
  return (
    <figure className="mt-auto flex items-center gap-4 self-end" data-testid="join-qr">
      <figcaption className="text-right text-lg text-muted">
        Scan to join
        <br />
        the board
      </figcaption>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL; nothing to optimise */}
      <img
        src={src}
        alt="QR code of the team link"
        width={160}
        height={160}
        className="rounded-lg bg-white p-2"
      />
    </figure>
  );
}
