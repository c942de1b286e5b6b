// Numbers as German readers expect them: "3,5", "42 %", "1.200".
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 });

export function formatNumber(value: number | null): string {
  return value === null ? '–' : decimal.format(value);
}

const plain = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, useGrouping: false });

/** For CSV cells German Excel reads as numbers: "3,5", "1200" (no thousands dots). */
export function csvNumber(value: number | null): string {
  return value === null ? '' : plain.format(value);
}

export function formatShare(share: number): string {
  return percent.format(share);
}

export function formatDate(value: Date | string | null): string {
  if (!value) return '';
  return new Date(value).toLocaleDateString('de-DE', {
    timeZone: 'Europe/Berlin',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

export function formatDateTime(value: Date | string | null): string {
  if (!value) return '';
  return new Date(value).toLocaleString('de-DE', {
    timeZone: 'Europe/Berlin',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatTime(value: Date | string): string {
  return new Date(value).toLocaleTimeString('de-DE', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
  });
}
