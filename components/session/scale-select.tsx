'use client';

import { ESTIMATE_SCALE_IDS, SCALE_LABELS, type ScaleId } from '@/lib/session/scales';
import { selectCls } from './owner-round-controls';

/** A labelled select of the estimate scales (a round's, a pre-vote's). */
export function ScaleSelect({
  label,
  ariaLabel,
  value,
  onChange,
}: {
  label: string;
  /** overrides the accessible name (the visible label stays `label`) */
  ariaLabel?: string;
  value: ScaleId;
  onChange: (scale: ScaleId) => void;
}) {
  return (
    <label className="flex items-center gap-1.5 text-xs">
      {label}
      <select
        className={selectCls}
        value={value}
        onChange={(e) => onChange(e.target.value as ScaleId)}
        aria-label={ariaLabel}
      >
        {ESTIMATE_SCALE_IDS.map((s) => (
          <option key={s} value={s}>
            {SCALE_LABELS[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
