import { initials } from '@/lib/presence/identity';
import { cx } from './cx';

/** Readable text on any palette colour: dark initials on light colours (e.g. the yellow), white otherwise. */
function textOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  if (!Number.isFinite(n)) return '#fff';
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 150 ? '#18181b' : '#fff';
}

const sizes = { xs: 'size-5 text-[9px]', sm: 'size-6 text-[10px]', md: 'size-8 text-xs' } as const;

export interface AvatarProps {
  name: string;
  color: string;
  size?: keyof typeof sizes;
  /** extra label for the tooltip, e.g. "typing" */
  hint?: string;
  className?: string;
}

export function Avatar({ name, color, size = 'sm', hint, className }: AvatarProps) {
  const label = hint ? `${name} (${hint})` : name;
  return (
    <span
      title={label}
      role="img"
      aria-label={label}
      className={cx(
        'inline-flex shrink-0 items-center justify-center rounded-full font-semibold tracking-tight ring-2 ring-white select-none dark:ring-zinc-900',
        sizes[size],
        className,
      )}
      style={{ backgroundColor: color, color: textOn(color) }}
    >
      {initials(name)}
    </span>
  );
}
