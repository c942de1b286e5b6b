// Turns whatever the Firebase SDKs throw into German text for the user, plus per-field messages
// when a callable function named the offending fields. Pure: duck-typed on `code`, so it needs no
// SDK import and is shared by every page.
import { ERROR_MESSAGES, isErrorCode } from '@knotenpunkt/model';

export interface UserError {
  message: string;
  /** Dotted input paths ("contactPersons.0.email") → German message. */
  fields: Record<string, string>;
}

export const LOAD_FAILED = 'Daten konnten nicht geladen werden.';

const AUTH_MESSAGES: Record<string, string> = {
  // With email-enumeration protection (default for new projects) Firebase only says
  // "invalid-credential"; we answer the same for the older codes so nobody learns whether an
  // address has an account.
  'auth/invalid-credential': 'E-Mail-Adresse oder Passwort ist nicht richtig.',
  'auth/invalid-login-credentials': 'E-Mail-Adresse oder Passwort ist nicht richtig.',
  'auth/wrong-password': 'E-Mail-Adresse oder Passwort ist nicht richtig.',
  'auth/user-not-found': 'E-Mail-Adresse oder Passwort ist nicht richtig.',
  'auth/invalid-email': 'Bitte eine gültige E-Mail-Adresse angeben.',
  'auth/missing-email': 'Bitte eine E-Mail-Adresse angeben.',
  'auth/missing-password': 'Bitte das Passwort eingeben.',
  'auth/user-disabled': 'Dieses Konto ist gesperrt. Bitte wenden Sie sich an die Administration.',
  'auth/too-many-requests':
    'Zu viele Anmeldeversuche. Bitte warten Sie einige Minuten oder setzen Sie Ihr Passwort zurück.',
  'auth/network-request-failed':
    'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  'auth/internal-error': ERROR_MESSAGES.INTERNAL,
};

/** Codes of Firestore, Functions (without their "functions/" prefix) and generic failures. */
const STATUS_MESSAGES: Record<string, string> = {
  'permission-denied': 'Dafür fehlt Ihnen die Berechtigung.',
  unauthenticated: ERROR_MESSAGES.UNAUTHENTICATED,
  unavailable:
    'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'deadline-exceeded':
    'Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.',
  'not-found': 'Der Eintrag wurde nicht gefunden. Vielleicht wurde er inzwischen gelöscht.',
  'already-exists': 'Diesen Eintrag gibt es schon.',
  'resource-exhausted': ERROR_MESSAGES.RATE_LIMITED,
  'invalid-argument': ERROR_MESSAGES.INVALID_ARGUMENT,
  'failed-precondition': 'Die Aktion ist im Moment nicht möglich. Bitte laden Sie die Seite neu.',
  // Our own code (parse.ts): a stored document does not match its schema.
  'invalid-data':
    'Gespeicherte Daten haben ein unerwartetes Format. Bitte wenden Sie sich an die Administration.',
};

interface CodedError {
  code: string;
  details?: unknown;
}

function hasCode(error: unknown): error is CodedError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** Reads the `{ code, field?, fields? }` details our callable functions attach to HttpsError. */
function fromDetails(details: unknown): UserError | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { code, field, fields } = details as { code?: unknown; field?: unknown; fields?: unknown };
  if (!isErrorCode(code)) return undefined;
  const message = ERROR_MESSAGES[code];
  const perField = stringRecord(fields);
  if (typeof field === 'string' && !(field in perField)) perField[field] = message;
  return { message, fields: perField };
}

export function describeError(error: unknown): UserError {
  if (hasCode(error)) {
    const fromFunction = fromDetails(error.details);
    if (fromFunction) return fromFunction;
    const authMessage = AUTH_MESSAGES[error.code];
    if (authMessage) return { message: authMessage, fields: {} };
    const status = error.code.replace(/^(functions|firestore)\//, '');
    const statusMessage = STATUS_MESSAGES[status];
    if (statusMessage) return { message: statusMessage, fields: {} };
    // Firestore Lite reports a refused connection as "unknown" with the fetch error's text.
    if (status === 'unknown' && error instanceof Error && /fetch|network/i.test(error.message)) {
      return { message: STATUS_MESSAGES.unavailable ?? ERROR_MESSAGES.INTERNAL, fields: {} };
    }
  }
  if (error instanceof TypeError && /fetch|import|module/i.test(error.message)) {
    // A lazily loaded chunk (e.g. after a new deployment) or the network is gone.
    return {
      message: 'Die Seite konnte nicht vollständig geladen werden. Bitte laden Sie sie neu.',
      fields: {},
    };
  }
  return { message: ERROR_MESSAGES.INTERNAL, fields: {} };
}

/** True when the error is Firebase telling us the account or password is wrong. */
export function isUserNotFound(error: unknown): boolean {
  return hasCode(error) && error.code === 'auth/user-not-found';
}
