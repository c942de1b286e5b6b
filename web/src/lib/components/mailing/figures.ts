// The figures the progress component shows, from successive snapshots of a mailing's progress:
// how far it is, how fast it goes (over the last minute) and how long the rest will take.

export interface Sample {
  /** The pipeline's heartbeat (server time, ms). */
  at: number;
  /** Recipients done so far: sent, failed or bounced. */
  done: number;
}

/** Keeps the samples of the last `windowMs`; a sample older than the newest one is ignored. */
export function addSample(samples: readonly Sample[], sample: Sample, windowMs = 60_000): Sample[] {
  const last = samples.at(-1);
  if (last && sample.at <= last.at) return [...samples];
  return [...samples, sample].filter((s) => s.at >= sample.at - windowMs);
}

/** Mails a minute over the samples, or null while there is too little to tell. */
export function throughputPerMinute(samples: readonly Sample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at - first.at < 2_000) return null;
  return ((last.done - first.done) / (last.at - first.at)) * 60_000;
}

export function remainingMs(remaining: number, perMinute: number | null): number | null {
  if (remaining === 0) return 0;
  if (!perMinute || perMinute <= 0) return null;
  return (remaining / perMinute) * 60_000;
}

/** Whole percent; 100 only when everything is done. */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 0;
  if (done >= total) return 100;
  return Math.min(99, Math.floor((done / total) * 100));
}

/** "etwa 3 Minuten", in German, rounded the way people say it. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 10) return 'wenige Sekunden';
  if (seconds < 60) return `etwa ${Math.round(seconds / 10) * 10} Sekunden`;
  const minutes = Math.round(seconds / 60);
  if (minutes === 1) return 'etwa eine Minute';
  if (minutes < 60) return `etwa ${minutes} Minuten`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 1 ? 'eine Stunde' : `${hours} Stunden`;
  return rest === 0 ? `etwa ${h}` : `etwa ${h} ${rest} Minuten`;
}

const number = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

export function formatRate(perMinute: number): string {
  return `${number.format(perMinute)} Mails pro Minute`;
}
