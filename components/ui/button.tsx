import type { ButtonHTMLAttributes, Ref } from 'react';
import { cx } from './cx';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';
type Size = 'sm' | 'md';

const variants: Record<Variant, string> = {
  primary:
    'bg-indigo-600 text-white shadow-sm hover:bg-indigo-500 disabled:bg-indigo-600/50 dark:bg-indigo-500 dark:hover:bg-indigo-400',
  secondary:
    'border border-line-strong bg-surface text-zinc-800 shadow-xs hover:bg-zinc-50 dark:text-zinc-100 dark:hover:bg-zinc-800',
  // Not `text-secondary`: a caller's `text-* dark:text-*` would then win in dark mode only (today
  // this pair sorts after it in both, e.g. on "Delete board…").
  ghost: 'text-zinc-600 hover:bg-subtle hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
  danger: 'bg-red-600 text-white shadow-sm hover:bg-red-500 dark:bg-red-600 dark:hover:bg-red-500',
};

const sizes: Record<Size, string> = {
  sm: 'h-7 gap-1.5 rounded-md px-2 text-xs',
  md: 'h-9 gap-2 rounded-lg px-3.5 text-sm',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: Size;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = 'secondary',
  size = 'md',
  className,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        'inline-flex shrink-0 items-center justify-center font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-60',
        variants[variant],
        sizes[size],
        className,
      )}
      {...rest}
    />
  );
}
