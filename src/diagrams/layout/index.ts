// The diagrams' layout, one idea per module: measure (sizes and text), geometry (shapes and
// links), front (the load balancer and endpoint in front of a cluster, and their links to its
// nodes), tree (a cluster's d3-hierarchy tree and its body: role groups, node grids), cluster (a
// cluster's header, caption and front boxes) and flow (placing clusters in rows).
export * from './measure.ts';
export * from './geometry.ts';
export * from './front.ts';
export * from './tree.ts';
export * from './cluster.ts';
export * from './flow.ts';
