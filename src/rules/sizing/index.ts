// Rancher's hardware tables and the sizing arithmetic: which table and row apply, K3s/RKE2 server
// rows, the RoleBinding estimate, etcd disk guidance, and what a plan contributes to them.
export * from './tables.ts';
export * from './datastores.ts';
export * from './size.ts';
export * from './plan.ts';
export * from './rolebindings.ts';
