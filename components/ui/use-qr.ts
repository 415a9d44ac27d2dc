'use client';

import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A link as a QR-code data URL (null until rendered, or if rendering failed). */
export function useQrDataUrl(link: string, width = 240): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(link, { margin: 1, width }).then(
      (url) => live && setSrc(url),
      () => undefined, // no QR is better than a broken page
    );
    return () => {
      live = false;
    };
  }, [link, width]);
  return src;
}
