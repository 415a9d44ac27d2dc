import { describe, expect, it } from 'vitest';
import { fieldOf, pushSummarySchema, storyTrackerSchema, trackerConfigSchema } from './client';
import { driftLines } from './drift';
import { TrackerStore } from './issue-store';

describe('tracker answers, parsed', () => {
  it('never lets a non-http issue URL through (it becomes a link on every card)', () => {
    const ok = {
      issue: { key: '#1', url: 'https://redmine.example/issues/1', status: 'New' },
      pushedVersion: 1,
    };
    expect(storyTrackerSchema.parse(ok).drift).toEqual([]);
    expect(storyTrackerSchema.parse(ok).issue.estimate).toBeNull();
    for (const url of ['javascript:alert(1)', 'data:text/html,x', '/issues/1'])
      expect(storyTrackerSchema.safeParse({ ...ok, issue: { ...ok.issue, url } }).success).toBe(false);
  });

  it('reads the connection without a token, and refuses an unknown kind', () => {
    const c = trackerConfigSchema.parse({ kind: 'redmine', baseUrl: 'http://r', project: 'p', fields: {} });
    expect(c).toEqual({ kind: 'redmine', baseUrl: 'http://r', project: 'p', fields: {}, tokenSet: true });
    expect(trackerConfigSchema.safeParse({ ...c, kind: 'linear' }).success).toBe(false);
  });

  it('reads a summary without statuses', () => {
    const s = pushSummarySchema.parse({
      pushes: [{ storyId: 's1', key: 'SB-1', url: 'https://j/browse/SB-1', pushedVersion: 2, pushedAt: 5 }],
    });
    expect(s.pushes[0]).toMatchObject({ storyId: 's1', pushedVersion: 2, drift: [] });
    expect(s.pushes[0]?.status).toBeNull();
  });
});

describe('fieldOf', () => {
  it.each([
    ['tracker_unauthorized', '401: Invalid API key', 401, 'token'],
    ['tracker_not_found', '404: project not found', 404, 'project'],
    ['tracker_invalid', 'Custom field cf:99 is not enabled for this project', 422, 'estimate'],
    ['address_refused', 'The address 127.0.0.1 is private; list it in TRACKER_ALLOW_HOSTS', null, 'baseUrl'],
    ['tracker_address_refused', '127.0.0.1 is a loopback address', 0, 'baseUrl'],
    ['invalid_request', 'baseUrl must be an absolute http(s) URL', null, 'baseUrl'],
    ['invalid_request', 'project is required', null, 'project'],
    ['unavailable', 'The tracker did not answer within 10 s', 0, null],
  ] as const)('%s "%s" → %s', (code, message, status, field) => {
    expect(fieldOf(code, message, status)).toBe(field);
  });
});

describe('driftLines', () => {
  it('says what changed, and drops the estimate once the board agrees', () => {
    expect(driftLines(['estimate', 'title'], 'Redmine', { theirs: '8', ours: '5' })).toEqual([
      'Estimate changed in Redmine: 8 (ours 5)',
      'Title changed in Redmine',
    ]);
    expect(driftLines(['estimate'], 'Redmine', { theirs: '8', ours: '8' })).toEqual([]);
  });
});

describe('TrackerStore', () => {
  const issue = { key: '#1', url: 'https://r/issues/1', status: 'New' };
  it('keeps an unchanged entry’s identity across a refresh, so its card does not re-render', () => {
    const store = new TrackerStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.setStory('s1', issue, 1, []);
    const first = store.issue('s1');
    store.setSummary([{ storyId: 's1', ...issue, status: null, pushedVersion: 1, pushedAt: 1, drift: [] }]);
    // the summary had no status: the one the push told us stays, and so does the object
    expect(store.issue('s1')).toBe(first);
    store.setStory('s1', { ...issue, status: 'Closed' }, 1, []);
    expect(store.issue('s1')).not.toBe(first);
    expect(store.issue('s1')?.status).toBe('Closed');
    expect(calls).toBe(3);
  });

  it('forgets every issue when the tracker is disconnected', () => {
    const store = new TrackerStore();
    store.setStory('s1', issue, 1, []);
    store.setConfig(null);
    expect(store.issue('s1')).toBeUndefined();
    expect(store.config).toBeNull();
  });
});
