'use client';

import { useId, type SelectHTMLAttributes } from 'react';
import { cx } from '@/components/ui/cx';
import { labelClass, selectClass } from './field-classes';

/**
 * A select with its label beside it (not wrapped), so its accessible name is just the label and
 * not the label plus the chosen option.
 */
export function LabeledSelect({
  label,
  hint,
  className,
  ...rest
}: { label: string; hint?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const hintId = useId();
  return (
    <div className={cx(labelClass, className)}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-describedby={hint ? hintId : undefined} className={selectClass} {...rest} />
      {hint && (
        <span id={hintId} className="font-normal text-muted">
          {hint}
        </span>
      )}
    </div>
  );
}
