// The Handlungsfelder every new network starts with; each network may edit its own list.
export const DEFAULT_FIELDS_OF_ACTION = [
  'Bildung und Sprache (Kita und Schule)',
  'Arbeitsmarkt',
  'Gesellschaftliche Teilhabe',
  'Kulturelle Vielfalt',
  'Gesundheit',
  'Wohnen',
  'Beratung',
] as const;
