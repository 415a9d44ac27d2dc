import { initials } from '@/lib/presence/identity';
import { cx } from './cx';

const DARK = '#18181b';

function luminance(r: number, g: number, b: number): number {
  const ch = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
}

/**
 * Initials readable on any person's colour (WCAG AA, 4.5:1): white or near-black, whichever
 * contrasts more; a colour where neither is enough is darkened just until white text is.
 */
function readable(hex: string): { bg: string; fg: string } {
  const n = Number.parseInt(hex.slice(1), 16);
  if (!/^#[0-9a-f]{6}$/i.test(hex) || !Number.isFinite(n)) return { bg: hex, fg: '#fff' };
  let [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const l = luminance(r, g, b);
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / (luminance(0x18, 0x18, 0x1b) + 0.05);
  if (Math.max(onWhite, onDark) >= 4.5) return { bg: hex, fg: onDark > onWhite ? DARK : '#fff' };
  while (1.05 / (luminance(r, g, b) + 0.05) < 4.5) [r, g, b] = [r * 0.92, g * 0.92, b * 0.92];
  return { bg: `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)})`, fg: '#fff' };
}

const sizes = { xs: 'size-5 text-[9px]', sm: 'size-6 text-[10px]', md: 'size-8 text-xs' } as const;

export interface AvatarProps {
  name: string;
  color: string;
  size?: keyof typeof sizes;
  /** extra label for the tooltip, e.g. "typing" */
  hint?: string;
  /** `warn`: an amber ring (an outlier vote). A prop, not a class: two ring colours in one class
   * list are decided by the stylesheet's order, not the caller's. */
  ring?: 'plain' | 'warn';
  className?: string;
}

export function Avatar({ name, color, size = 'sm', hint, ring = 'plain', className }: AvatarProps) {
  const label = hint ? `${name} (${hint})` : name;
  const colors = readable(color);
  return (
    <span
      title={label}
      role="img"
      aria-label={label}
      className={cx(
        'inline-flex shrink-0 items-center justify-center rounded-full font-semibold tracking-tight ring-2 select-none',
        ring === 'warn' ? 'ring-amber-500 dark:ring-amber-400' : 'ring-white dark:ring-zinc-900',
        sizes[size],
        className,
      )}
      style={{ backgroundColor: colors.bg, color: colors.fg }}
    >
      {initials(name)}
    </span>
  );
}
