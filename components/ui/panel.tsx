import type { ReactNode } from 'react';
import { Button } from './button';
import { cx } from './cx';
import { Icon } from './icon';

/**
 * The card frame every panel, card and framed form on the board shares. For frames that are not a
 * `Panel` (a form, a list item, a `<details>`): add the padding and shadow the place needs.
 */
export const PANEL_FRAME = 'rounded-xl border border-line bg-surface';

const tones = {
  plain: { frame: `${PANEL_FRAME} px-5 py-4 shadow-xs`, text: 'text-muted' },
  // a suggestion laid over the backlog (the suggested order): tinted, secondary text a step darker
  accent: {
    frame:
      'rounded-xl border border-indigo-200 bg-indigo-50/40 px-4 py-3 dark:border-indigo-900 dark:bg-indigo-950/20',
    text: 'text-secondary',
  },
} as const;

const sizes = {
  sm: { title: 'text-sm font-semibold', text: 'mt-0.5 text-xs', icon: 'size-3.5' },
  md: { title: 'text-base font-semibold', text: 'text-sm', icon: 'size-4' },
} as const;

export interface PanelProps {
  /** id of the heading, which names the panel (`aria-labelledby`) */
  titleId: string;
  title: ReactNode;
  /** one line under the title: what the panel is for */
  description?: ReactNode;
  onClose: () => void;
  /** accessible name of the close button, e.g. "Close trash" */
  closeLabel: string;
  /** heading level: 2 on the board, 3 inside the backlog section */
  level?: 2 | 3;
  size?: keyof typeof sizes;
  tone?: keyof typeof tones;
  /** layout of the body, e.g. `flex flex-col gap-6` (the header is its first child) */
  className?: string;
  id?: string;
  testId?: string;
  children: ReactNode;
}

/** A closable board panel (share, trash, personas & metrics, suggested order): framed, titled. */
export function Panel({
  titleId,
  title,
  description,
  onClose,
  closeLabel,
  level = 2,
  size = 'sm',
  tone = 'plain',
  className,
  id,
  testId,
  children,
}: PanelProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const s = sizes[size];
  return (
    <section
      aria-labelledby={titleId}
      id={id}
      data-testid={testId}
      className={cx(tones[tone].frame, className)}
    >
      <div className="flex items-start justify-between gap-4">
        <div>
          <Heading id={titleId} className={s.title}>
            {title}
          </Heading>
          {description && <p className={cx(s.text, tones[tone].text)}>{description}</p>}
        </div>
        <Button variant="ghost" size="sm" onClick={onClose} aria-label={closeLabel}>
          <Icon name="close" className={s.icon} />
        </Button>
      </div>
      {children}
    </section>
  );
}
