import type { Metadata } from 'next';
import { BoardScreen } from '@/components/board/board-screen';

// The board's title needs its key, which only the browser has (it is in the fragment).
export const metadata: Metadata = { title: 'Board' };

export default async function BoardPage({ params }: { params: Promise<{ boardId: string }> }) {
  const { boardId } = await params;
  return <BoardScreen boardId={boardId} />;
}
