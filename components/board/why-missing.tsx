import { Icon } from '@/components/ui/icon';

/** The amber flag on a story nobody has explained yet: a shell story without a why is not ready to discuss. */
export function WhyMissing() {
  return (
    <span
      data-testid="why-missing"
      className="inline-flex items-center gap-1 rounded-md bg-amber-50 px-1.5 py-0.5 text-[11px] font-medium text-amber-800 ring-1 ring-amber-200 ring-inset dark:bg-amber-950/50 dark:text-amber-300 dark:ring-amber-900"
    >
      <Icon name="alert" className="size-3" />
      Why missing
    </span>
  );
}
