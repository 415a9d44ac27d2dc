'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import type { BoardLinks } from '@/lib/validation/api';
import type { Role } from '@/lib/board/types';
import { Panel } from '@/components/ui/panel';
import { DeleteBoard } from '@/components/admin/delete-board';
import { ReplaceLink } from '@/components/admin/replace-link';
import { deleteBoard, keyFromLink, rotateLink } from '@/components/admin/owner-api';
import { CopyLinkRow } from './copy-link-row';
import { TeamQr } from './team-qr';
import { TrackerSection } from '@/components/trackers/tracker-section';

/** Owner only: the three links of a board, what each lets people do, and replacing them. */
export function SharePanel({
  links: initial,
  onClose,
  boardId,
  title,
}: {
  links: BoardLinks | undefined;
  onClose: () => void;
  boardId: string;
  title: string;
}) {
  const [links, setLinks] = useState(initial);
  const router = useRouter();

  async function replace(role: Role) {
    if (!links) return;
    const r = await rotateLink(boardId, keyFromLink(links.owner), role);
    setLinks(r.links);
    // Our own owner key just stopped working: continue on the new owner link.
    if (role === 'owner') {
      window.location.replace(r.link);
      window.location.reload();
    }
  }

  async function remove() {
    if (!links) return;
    await deleteBoard(boardId, keyFromLink(links.owner));
    router.push('/');
  }

  return (
    <Panel
      titleId="share-title"
      title="Share this board"
      description="Anyone with a link gets its role. Keys sit after the # and never reach server logs."
      onClose={onClose}
      closeLabel="Close share panel"
    >
      {links ? (
        <div className="mt-2 divide-y divide-subtle">
          <CopyLinkRow
            label="Team link"
            description="For the team: add stories and notes, vote, react."
            url={links.team}
            action={<ReplaceLink role="team" onReplace={replace} />}
          />
          <CopyLinkRow
            label="View link"
            description="Read-only: follow along, cannot change anything."
            url={links.view}
            action={<ReplaceLink role="view" onReplace={replace} />}
          />
          <CopyLinkRow
            label="Owner link"
            description="Full control: facilitate, publish, rotate links. Keep it private."
            url={links.owner}
            action={<ReplaceLink role="owner" onReplace={replace} />}
          />
        </div>
      ) : (
        <p className="mt-3 text-sm text-secondary">The server did not return the links.</p>
      )}
      <TrackerSection />
      {links && (
        <div className="mt-3 flex flex-wrap items-end justify-between gap-4 border-t border-subtle pt-3">
          <TeamQr link={links.team} />
          <DeleteBoard title={title} onDelete={remove} />
        </div>
      )}
    </Panel>
  );
}
