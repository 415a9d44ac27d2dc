import type { Metadata } from 'next';
import { StoriesScreen } from '@/components/stories/stories-list';

// Like the board page: the key lives in the fragment, so everything happens in the browser.
export const metadata: Metadata = { title: 'Formal stories' };

export default async function StoriesPage({ params }: { params: Promise<{ boardId: string }> }) {
  const { boardId } = await params;
  return <StoriesScreen boardId={boardId} />;
}
