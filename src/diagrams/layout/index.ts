// The diagrams' layout, one idea per module: measure (sizes and text), geometry (shapes and
// links), cluster (a cluster's tree, grid and caption) and flow (placing clusters in rows).
export * from './measure.ts';
export * from './geometry.ts';
export * from './cluster.ts';
export * from './flow.ts';
