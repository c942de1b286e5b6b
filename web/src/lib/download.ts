// Saves text the page built (a CSV export) as a file, without a server round trip.

/** A file name with today's date: "akteure-2026-11-22.csv". */
export function datedFileName(stem: string, extension: string, now = new Date()): string {
  const day = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
  return `${stem}-${day}.${extension}`;
}

export function downloadText(text: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
