import type { Metadata } from 'next';
import { StoryScreen } from '@/components/stories/story-versions';

// Like the board page: the key lives in the fragment, so everything happens in the browser.
export const metadata: Metadata = { title: 'Formal story' };

export default async function FormalStoryPage({
  params,
}: {
  params: Promise<{ boardId: string; storyId: string }>;
}) {
  const { boardId, storyId } = await params;
  return <StoryScreen boardId={boardId} storyId={storyId} />;
}
