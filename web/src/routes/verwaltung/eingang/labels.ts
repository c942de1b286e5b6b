// German words for proposals in the inbox.
import type { Proposal } from '@knotenpunkt/model';

export const ORIGIN_LABELS: Record<Proposal['origin'], string> = {
  public: 'Vorschlag über die Website',
  upkeep: 'Aktualisierung über den Pflege-Link',
};

/** "Neuer Akteur", "Änderung an einem Angebot" */
export function proposalKind(p: Pick<Proposal, 'entity' | 'targetId'>): string {
  if (p.entity === 'actor') return p.targetId ? 'Änderung an einem Akteur' : 'Neuer Akteur';
  return p.targetId ? 'Änderung an einem Angebot' : 'Neues Angebot';
}
