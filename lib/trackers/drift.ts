/** Sentences for what changed in the tracker since our push (the `drift` fields of the contract). */
export function driftLines(
  drift: readonly string[],
  tracker: string,
  estimates: { theirs: string | null; ours: string | null },
): string[] {
  const lines: string[] = [];
  for (const field of drift) {
    if (field === 'estimate') {
      // Once the board took the tracker's number, the two agree: nothing left to reconcile.
      if (estimates.theirs === estimates.ours) continue;
      lines.push(
        `Estimate changed in ${tracker}: ${estimates.theirs ?? 'none'} (ours ${estimates.ours ?? 'none'})`,
      );
    } else if (field === 'title') lines.push(`Title changed in ${tracker}`);
    else if (field === 'description') lines.push(`Description changed in ${tracker}`);
    else lines.push(`${field} changed in ${tracker}`);
  }
  return lines;
}
