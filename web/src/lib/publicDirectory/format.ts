// Small wording helpers shared by the public directory's cards and pages.
import type { ActorSummary, OfferSummary } from '@knotenpunkt/model';

/** "Hemerfeld – Ost", "Hemerfeld" or "". */
export function placeOf(actor: Pick<ActorSummary, 'municipality' | 'district'>): string {
  return [actor.municipality, actor.district].filter(Boolean).join(' – ');
}

/** The yes/no facts of an offer people look for, in words. */
export function offerFacts(
  offer: Pick<OfferSummary, 'free' | 'barrierFree' | 'childcare' | 'registrationRequired'>,
): string[] {
  return [
    offer.free ? 'kostenlos' : '',
    offer.childcare ? 'mit Kinderbetreuung' : '',
    offer.barrierFree ? 'barrierefrei' : '',
    offer.registrationRequired ? 'Anmeldung nötig' : 'ohne Anmeldung',
  ].filter(Boolean);
}

/** "1 Akteur" / "12 Akteure". */
export function countLabel(count: number, one: string, many: string): string {
  return `${count.toLocaleString('de-DE')} ${count === 1 ? one : many}`;
}

/** tel: links take digits and + only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

const dateFormat = new Intl.DateTimeFormat('de-DE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Berlin',
});

/** "20. November 2026" */
export function formatDate(date: Date | string): string {
  return dateFormat.format(typeof date === 'string' ? new Date(date) : date);
}
