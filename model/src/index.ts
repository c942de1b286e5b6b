export * from './primitives.ts';
export * from './fieldsOfAction.ts';
export * from './network.ts';
export * from './member.ts';
export * from './workingGroup.ts';
export * from './adminInputs.ts';
export * from './paths.ts';
