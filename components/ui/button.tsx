import type { ButtonHTMLAttributes, Ref } from 'react';
import { cx } from './cx';

type Variant = 'primary' | 'secondary' | 'ghost' | 'ghost-danger' | 'danger';
type Size = 'sm' | 'md';

const variants: Record<Variant, string> = {
  primary:
    'bg-indigo-600 text-white shadow-sm hover:bg-indigo-500 disabled:bg-indigo-600/50 dark:bg-indigo-500 dark:hover:bg-indigo-400',
  secondary:
    'border border-line-strong bg-surface text-zinc-800 shadow-xs hover:bg-zinc-50 dark:text-zinc-100 dark:hover:bg-zinc-800',
  // A caller's text colour does not override a variant's (two colours in one class list are decided
  // by the stylesheet's order): a coloured ghost is its own variant.
  ghost: 'text-zinc-600 hover:bg-subtle hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
  'ghost-danger':
    'text-red-700 hover:bg-red-50 hover:text-red-800 dark:text-red-400 dark:hover:bg-red-950 dark:hover:text-red-300',
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
