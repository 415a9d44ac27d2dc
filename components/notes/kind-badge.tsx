import type { NoteKind } from '@/lib/board/types';
import { Icon } from '@/components/ui/icon';
import { cx } from '@/components/ui/cx';
import { KIND_META } from './kind-meta';

export function KindBadge({ kind }: { kind: NoteKind }) {
  const m = KIND_META[kind];
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ring-inset',
        m.badge,
      )}
    >
      <Icon name={m.icon} className="size-3" />
      {m.label}
    </span>
  );
}
