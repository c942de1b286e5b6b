// The life of a directory entry (actor or offer) in the coordinators' hands: the status workflow
// draft → published → archived (and back) and when an entry counts as stale.
import type { DirectoryStatus } from './directory.ts';

export interface StatusAction {
  to: DirectoryStatus;
  /** The button's German label. */
  label: string;
  /** Archiving hides the entry from the public: ask first. */
  confirm: boolean;
}

const ACTIONS: Record<DirectoryStatus, readonly StatusAction[]> = {
  draft: [
    { to: 'published', label: 'Veröffentlichen', confirm: false },
    { to: 'archived', label: 'Archivieren', confirm: true },
  ],
  published: [
    { to: 'draft', label: 'Zurückziehen (Entwurf)', confirm: false },
    { to: 'archived', label: 'Archivieren', confirm: true },
  ],
  archived: [
    { to: 'draft', label: 'Wiederherstellen als Entwurf', confirm: false },
    { to: 'published', label: 'Wieder veröffentlichen', confirm: false },
  ],
};

/** The status changes offered for an entry in `status`, the usual next step first. */
export function statusActions(status: DirectoryStatus): readonly StatusAction[] {
  return ACTIONS[status];
}

/** Entries nobody confirmed or changed for this many months show as stale. */
export const STALE_AFTER_MONTHS = 12;

export interface Confirmable {
  updatedAt: Date;
  lastConfirmedAt?: Date | null;
}

/** When the entry was last known to be current: confirmed or edited, whichever is later. */
export function lastCurrentAt(entry: Confirmable): Date {
  const confirmed = entry.lastConfirmedAt;
  return confirmed && confirmed > entry.updatedAt ? confirmed : entry.updatedAt;
}

/** The moment before which an entry is stale, `STALE_AFTER_MONTHS` calendar months before now. */
export function staleBefore(now: Date): Date {
  const limit = new Date(now);
  limit.setMonth(limit.getMonth() - STALE_AFTER_MONTHS);
  return limit;
}

/** Neither confirmed nor edited for twelve months. */
export function isStale(entry: Confirmable, now: Date): boolean {
  return lastCurrentAt(entry) < staleBefore(now);
}
