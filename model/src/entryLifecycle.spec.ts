import { describe, expect, it } from 'vitest';
import { isStale, lastCurrentAt, staleBefore, statusActions } from './entryLifecycle.ts';

describe('statusActions', () => {
  it('offers publishing a draft first, and archiving only with confirmation', () => {
    const actions = statusActions('draft');
    expect(actions[0]).toEqual({ to: 'published', label: 'Veröffentlichen', confirm: false });
    expect(actions.find((a) => a.to === 'archived')?.confirm).toBe(true);
  });

  it('lets a published entry go back to draft or be archived', () => {
    expect(statusActions('published').map((a) => a.to)).toEqual(['draft', 'archived']);
  });

  it('brings an archived entry back as draft or published, without asking', () => {
    const actions = statusActions('archived');
    expect(actions.map((a) => a.to)).toEqual(['draft', 'published']);
    expect(actions.every((a) => !a.confirm)).toBe(true);
  });

  it('never offers the status the entry already has', () => {
    for (const status of ['draft', 'published', 'archived'] as const) {
      expect(statusActions(status).map((a) => a.to)).not.toContain(status);
    }
  });
});

describe('staleness', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('counts twelve calendar months back', () => {
    expect(staleBefore(now).toISOString()).toBe('2025-11-22T12:00:00.000Z');
  });

  it('uses the later of confirmation and last edit', () => {
    const edited = new Date('2025-01-01T00:00:00Z');
    const confirmed = new Date('2026-03-01T00:00:00Z');
    expect(lastCurrentAt({ updatedAt: edited, lastConfirmedAt: confirmed })).toBe(confirmed);
    expect(lastCurrentAt({ updatedAt: confirmed, lastConfirmedAt: edited })).toBe(confirmed);
    expect(lastCurrentAt({ updatedAt: edited, lastConfirmedAt: null })).toBe(edited);
    expect(lastCurrentAt({ updatedAt: edited })).toBe(edited);
  });

  it('calls an entry stale when neither confirmed nor edited for twelve months', () => {
    expect(isStale({ updatedAt: new Date('2025-11-01T00:00:00Z') }, now)).toBe(true);
    expect(isStale({ updatedAt: new Date('2025-12-01T00:00:00Z') }, now)).toBe(false);
  });

  it('a recent confirmation keeps an entry that was edited long ago current', () => {
    expect(
      isStale(
        {
          updatedAt: new Date('2023-05-01T00:00:00Z'),
          lastConfirmedAt: new Date('2026-06-01T00:00:00Z'),
        },
        now,
      ),
    ).toBe(false);
  });
});
