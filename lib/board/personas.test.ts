import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addValueStream,
  createMetric,
  createPersona,
  moveValueStream,
  removeValueStream,
  renameValueStream,
  setMetricArchived,
  setPersonaArchived,
  updateMetric,
  updatePersona,
} from './personas';
import {
  BoardOpError,
  createStory,
  initMeta,
  setStoryMetric,
  setStoryPersona,
  setStoryScore,
  setStoryStream,
} from './ops';
import { readMetrics, readPersonas, readStories, readValueStreams, roots } from './schema';

function board() {
  const doc = new Y.Doc();
  initMeta(doc, 'Board', 1);
  const storyId = createStory(doc, { title: 'Export CSV', createdBy: 'u1' });
  return { doc, storyId };
}

describe('personas, metrics and value streams', () => {
  it('adds, renames, describes and archives a persona; stories keep an archived persona', () => {
    const { doc, storyId } = board();
    const id = createPersona(doc, { name: '  Busy   PO ', description: 'Plans the sprint' });
    updatePersona(doc, id, { name: 'Product owner', description: 'Owns the backlog' });
    setStoryPersona(doc, storyId, id);
    setPersonaArchived(doc, id, true);
    expect(readPersonas(doc)).toEqual([
      expect.objectContaining({ id, name: 'Product owner', description: 'Owns the backlog', archived: true }),
    ]);
    expect(readStories(doc)[0]!.personaId).toBe(id);
    setPersonaArchived(doc, id, false);
    expect(readPersonas(doc)[0]!.archived).toBe(false);
    expect(() => createPersona(doc, { name: '   ' })).toThrow('A name is needed');
    expect(() => createPersona(doc, { name: 'x'.repeat(81) })).toThrow(BoardOpError);
  });

  it('keeps metric direction, current and target; rejects bad input', () => {
    const { doc } = board();
    const id = createMetric(doc, { name: 'Churn', direction: 'down', current: 4.2, target: 3 });
    updateMetric(doc, id, { target: 2.5, current: null });
    setMetricArchived(doc, id, true);
    expect(readMetrics(doc)[0]).toMatchObject({
      name: 'Churn',
      direction: 'down',
      current: null,
      target: 2.5,
      archived: true,
    });
    expect(() => createMetric(doc, { name: 'NPS', direction: 'sideways' as 'up' })).toThrow(BoardOpError);
    expect(() => updateMetric(doc, id, { current: Number.NaN })).toThrow(BoardOpError);
  });

  it('refuses unknown persona and metric ids and scores outside 1–10', () => {
    const { doc, storyId } = board();
    expect(() => setStoryPersona(doc, storyId, 'nope')).toThrow(BoardOpError);
    expect(() => setStoryMetric(doc, storyId, 'nope')).toThrow(BoardOpError);
    for (const bad of [0, 11, 2.5, Number.NaN])
      expect(() => setStoryScore(doc, storyId, 'value', bad)).toThrow(BoardOpError);
    setStoryScore(doc, storyId, 'value', 10);
    setStoryScore(doc, storyId, 'effort', 1);
    expect(readStories(doc)[0]).toMatchObject({ value: 10, effort: 1 });
    setStoryScore(doc, storyId, 'effort', null);
    expect(readStories(doc)[0]!.effort).toBeNull();
  });

  it('reads foreign values as unset instead of failing', () => {
    const { doc, storyId } = board();
    const m = roots(doc).stories.get(storyId)!;
    m.set('value', 42);
    m.set('effort', 'high');
    const nameless = new Y.Map<unknown>();
    nameless.set('name', 7);
    roots(doc).personas.set('p', nameless);
    const metric = new Y.Map<unknown>();
    metric.set('name', 'NPS');
    metric.set('direction', 'sideways');
    metric.set('current', 'lots');
    roots(doc).metrics.set('m', metric);
    roots(doc).meta.set('valueStreams', 'not an array');
    expect(readStories(doc)[0]).toMatchObject({ value: null, effort: null });
    expect(readPersonas(doc)).toEqual([]);
    expect(readMetrics(doc)[0]).toMatchObject({ direction: 'up', current: null });
    expect(readValueStreams(doc)).toEqual([]);
    expect(() => setStoryPersona(doc, storyId, 'p')).toThrow(BoardOpError);
  });

  it('manages value streams: add, dedupe, rename (stories follow), reorder, remove (stories keep the name)', () => {
    const { doc, storyId } = board();
    addValueStream(doc, 'Onboarding');
    addValueStream(doc, 'Billing');
    expect(() => addValueStream(doc, ' Billing ')).toThrow(BoardOpError);
    expect(() => setStoryStream(doc, storyId, 'Unknown')).toThrow(BoardOpError);
    setStoryStream(doc, storyId, 'Billing');
    renameValueStream(doc, 'Billing', 'Payments');
    expect(readStories(doc)[0]!.stream).toBe('Payments');
    moveValueStream(doc, 'Payments', -1);
    expect(readValueStreams(doc)).toEqual(['Payments', 'Onboarding']);
    removeValueStream(doc, 'Payments');
    expect(readValueStreams(doc)).toEqual(['Onboarding']);
    expect(readStories(doc)[0]!.stream).toBe('Payments');
  });

  it('two people adding the same stream at once see it once', () => {
    const a = new Y.Doc();
    initMeta(a, 'B', 1);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addValueStream(a, 'Growth');
    addValueStream(b, 'Growth');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readValueStreams(a)).toEqual(['Growth']);
    expect(readValueStreams(b)).toEqual(['Growth']);
  });
});
