/** Rows of (story, scale, user) in that order → who has pre-voted on what; shared by both stores. */
export function groupPrevoters(
  rows: readonly { story_id: string; scale: string; user_id: string }[],
): { storyId: string; scale: string; userIds: string[] }[] {
  const out: { storyId: string; scale: string; userIds: string[] }[] = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (last && last.storyId === r.story_id && last.scale === r.scale) last.userIds.push(r.user_id);
    else out.push({ storyId: r.story_id, scale: r.scale, userIds: [r.user_id] });
  }
  return out;
}
