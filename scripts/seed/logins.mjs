// The demo accounts created by the seed; printed by `npm start`, used by the e2e tests.
export const DEMO_LOGINS = [
  {
    role: 'Administration',
    email: 'admin@knotenpunkt.local',
    password: 'knotenpunkt-admin',
    name: 'Petra Albers',
    networks: [],
    admin: true,
  },
  {
    role: 'Koordination',
    email: 'koordination@knotenpunkt.local',
    password: 'knotenpunkt-demo',
    name: 'Yasemin Kaya',
    networks: ['landkreis-rheinwald'],
    admin: false,
  },
  {
    role: 'Koordination',
    email: 'hemerfeld@knotenpunkt.local',
    password: 'knotenpunkt-demo',
    name: 'Jonas Richter',
    networks: ['hemerfeld'],
    admin: false,
  },
];
