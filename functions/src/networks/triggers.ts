import { createNetworkDeps, coordinatorDeps } from '../platform/deps.ts';
import { callable } from '../platform/callable.ts';
import { SMTP_URL } from '../config/params.ts';
import { handleCreateNetwork } from './createNetwork.ts';
import { handleGrantCoordinator, handleRevokeCoordinator } from './coordinators.ts';

export const createNetwork = callable((data, caller) =>
  handleCreateNetwork(data, caller, createNetworkDeps()),
);
export const grantCoordinator = callable(
  (data, caller) => handleGrantCoordinator(data, caller, coordinatorDeps()),
  {
    secrets: [SMTP_URL],
  },
);
export const revokeCoordinator = callable((data, caller) =>
  handleRevokeCoordinator(data, caller, createNetworkDeps()),
);
