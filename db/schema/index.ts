export * from './users';
export * from './workspaces';
export * from './documents';
export * from './claims';
export * from './collab';
export * from './verification';
export * from './search';
