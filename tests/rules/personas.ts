// The five roles every rule is checked against.
export const NETWORK_A = 'netz-a';
export const NETWORK_B = 'netz-b';

export type PersonaKey = 'public' | 'signedIn' | 'coordA' | 'coordB' | 'admin';

export interface Persona {
  key: PersonaKey;
  /** Column heading in the policy table. */
  label: string;
  /** Subject of test names: "<subject> cannot read subscribers". */
  subject: string;
  uid: string | null;
}

export const PUBLIC: Persona = {
  key: 'public',
  label: 'public',
  subject: 'a visitor without account',
  uid: null,
};
export const SIGNED_IN: Persona = {
  key: 'signedIn',
  label: 'signed in',
  subject: 'a signed-in user without membership',
  uid: 'user-plain',
};
export const COORD_A: Persona = {
  key: 'coordA',
  label: 'coordinator A',
  subject: 'a coordinator of network A',
  uid: 'coord-a',
};
export const COORD_B: Persona = {
  key: 'coordB',
  label: 'coordinator B',
  subject: 'a coordinator of network B',
  uid: 'coord-b',
};
export const ADMIN: Persona = {
  key: 'admin',
  label: 'admin',
  subject: 'an admin',
  uid: 'admin-1',
};

export const PERSONAS: readonly Persona[] = [PUBLIC, SIGNED_IN, COORD_A, COORD_B, ADMIN];
