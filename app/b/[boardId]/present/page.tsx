import type { Metadata } from 'next';
import { PresentScreen } from '@/components/present/present-screen';

// Like the board page: the key lives in the fragment, so everything happens in the browser.
export const metadata: Metadata = { title: 'Shared screen' };

export default async function PresentPage({ params }: { params: Promise<{ boardId: string }> }) {
  const { boardId } = await params;
  return <PresentScreen boardId={boardId} />;
}
