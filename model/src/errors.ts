// Stable error codes shared by functions (which send them) and the web app (which shows German
// text for them). Functions attach { code, field? } as HttpsError details.
export const ERROR_MESSAGES = {
  INVALID_ARGUMENT: 'Die Eingaben sind unvollständig oder ungültig.',
  UNAUTHENTICATED: 'Bitte melden Sie sich an.',
  NOT_ADMIN: 'Nur Administratorinnen und Administratoren dürfen das.',
  NOT_COORDINATOR: 'Sie koordinieren dieses Netzwerk nicht.',
  NETWORK_EXISTS: 'Ein Netzwerk mit dieser Kurzbezeichnung gibt es schon.',
  NETWORK_NOT_FOUND: 'Dieses Netzwerk gibt es nicht (mehr).',
  MEMBER_NOT_FOUND: 'Diese Person koordiniert das Netzwerk nicht (mehr).',
  RATE_LIMITED: 'Zu viele Anfragen. Bitte versuchen Sie es in einigen Minuten erneut.',
  TOKEN_INVALID:
    'Dieser Link ist ungültig oder abgelaufen. Über das Anmeldeformular des Netzwerks erhalten Sie einen neuen.',
  SUBSCRIBER_NOT_FOUND: 'Diese Adresse steht nicht (mehr) im Verteiler.',
  SUBSCRIBER_NOT_PENDING: 'Diese Adresse ist nicht mehr unbestätigt.',
  MAIL_LIMIT_REACHED:
    'An diese Adresse gingen in den letzten 24 Stunden schon drei Mails. Bitte versuchen Sie es morgen erneut.',
  MAIL_FAILED:
    'Die E-Mail konnte gerade nicht verschickt werden. Bitte versuchen Sie es später erneut.',
  QUESTIONNAIRE_NOT_FOUND: 'Diesen Fragebogen gibt es nicht (mehr).',
  QUESTIONNAIRE_NOT_OPEN: 'Der Fragebogen ist nicht geöffnet.',
  QUESTIONNAIRE_CLOSED:
    'Die Frist für diesen Fragebogen ist abgelaufen. Antworten sind nicht mehr möglich.',
  QUESTIONNAIRE_FROZEN:
    'Der Fragebogen ist geöffnet: Fragen, Antwortmöglichkeiten und Reihenfolge stehen fest. Nur Texte lassen sich noch korrigieren.',
  QUESTIONNAIRE_ANSWERED:
    'Zu dieser Einladung ist schon eine Antwort eingegangen – über einen anderen Link. Ändern können Sie sie über den Link, mit dem Sie geantwortet haben.',
  QUESTIONNAIRE_OPEN_LINK_OFF:
    'Dieser Fragebogen hat keinen offenen Link (mehr). Bitte wenden Sie sich an die Koordination des Netzwerks – sie kann Ihnen einen persönlichen Link schicken.',
  QUESTIONNAIRE_LINK_INVALID:
    'Dieser Link zum Fragebogen ist ungültig oder abgelaufen. Bitte wenden Sie sich an die Koordination des Netzwerks.',
  INTERNAL: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
} as const;
export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorDetails {
  code: ErrorCode;
  /** Dotted path of the offending input field, e.g. "contactPersons.0.email". */
  field?: string;
  /** Per-field messages (German) for forms. */
  fields?: Record<string, string>;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_MESSAGES;
}
