// How directory values read in German on the coordinators' pages and in the inbox's diff.
import { DIRECTORY_STATUS_LABELS, type DirectoryStatus } from '@knotenpunkt/model';

const EMPTY = '';

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 6 });

const dateFormat = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Berlin',
});

/** "05.03.2026" */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

export function formatAddress(address: { street: string; postalCode: string; city: string }) {
  const town = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.street, town].filter(Boolean).join(', ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One field's value as text: lists joined, yes/no, addresses and coordinates written out, actor
 * ids as names. '' for an empty value (the page shows a dash or "leer").
 */
export function formatFieldValue(
  key: string,
  value: unknown,
  actorNames: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === undefined || value === null) return EMPTY;
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'string') {
    if (key === 'status' && value in DIRECTORY_STATUS_LABELS) {
      return DIRECTORY_STATUS_LABELS[value as DirectoryStatus];
    }
    return value.trim();
  }
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      key === 'actorIds' && typeof item === 'string'
        ? (actorNames.get(item) ?? `unbekannter Akteur (${item})`)
        : formatFieldValue('', item, actorNames),
    );
    return items.filter(Boolean).join(', ');
  }
  if (isRecord(value)) {
    if (key === 'address') {
      return formatAddress({
        street: String(value.street ?? ''),
        postalCode: String(value.postalCode ?? ''),
        city: String(value.city ?? ''),
      });
    }
    if (key === 'coordinates' && typeof value.lat === 'number' && typeof value.lng === 'number') {
      return `${numberFormat.format(value.lat)} / ${numberFormat.format(value.lng)}`;
    }
    if (key === 'publicContact') {
      return [
        value.phone ? `Telefon ${String(value.phone)}` : '',
        value.email ? `E-Mail ${String(value.email)}` : '',
      ]
        .filter(Boolean)
        .join(', ');
    }
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${formatFieldValue(k, v, actorNames)}`)
      .join(', ');
  }
  return String(value);
}

/** "3 Akteure", "1 Akteur" */
export function countLabel(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
