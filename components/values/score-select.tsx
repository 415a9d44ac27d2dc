'use client';

import { SCORE_MAX, SCORE_MIN } from '@/lib/board/types';
import { LabeledSelect } from './labeled-select';

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

/** A 1–10 picker; "—" clears it. Only whole numbers in range can be chosen. */
export function ScoreSelect({
  label,
  hint,
  value,
  disabled,
  onChange,
}: {
  label: string;
  hint: string;
  value: number | null;
  disabled: boolean;
  onChange: (v: number | null) => void;
}) {
  return (
    <LabeledSelect
      label={label}
      hint={hint}
      disabled={disabled}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
    >
      <option value="">—</option>
      {SCORES.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </LabeledSelect>
  );
}
