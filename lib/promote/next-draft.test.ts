import { describe, expect, it } from 'vitest';
import type { Draft } from './draft';
import { nextVersionDraft } from './next-draft';

const built: Draft = {
  narrative: 'As a user, I want export.',
  criteria: ['csv opens in  Excel', 'Works offline'],
  decisions: ['Use UTF-8'],
  estimate: '5',
  openQuestions: ['Which columns?'],
  whyMissing: true,
};

describe('nextVersionDraft', () => {
  it('starts from the published version and adds criteria the discussion gained since', () => {
    const d = nextVersionDraft(
      { narrative: 'As a PO, I want export, so that I save time.', criteria: ['CSV opens in Excel'] },
      built,
    );
    expect(d.narrative).toBe('As a PO, I want export, so that I save time.');
    expect(d.criteria).toEqual(['CSV opens in Excel', 'Works offline']);
    // warnings still come from the discussion as it is now
    expect(d.openQuestions).toEqual(['Which columns?']);
    expect(d.whyMissing).toBe(true);
  });

  it('falls back to the built narrative when the published one is empty', () => {
    expect(nextVersionDraft({ narrative: ' ', criteria: [] }, built).narrative).toBe(built.narrative);
  });
});
