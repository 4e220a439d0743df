// One layout function per figure: plan (+ marks) → Diagram (boxes, links, text with x/y). Each
// picks the cluster its figure is about, so any plan can be drawn by any figure, and each fits
// itself into `maxWidth` CSS pixels: clusters stack and text wraps rather than shrinking.
export { type Figure, type FigureOptions } from './compose.ts';
export { planFigure } from './plan.ts';
export { separationFigure } from './separation.ts';
export { k3sFigure } from './k3s.ts';
export { rkeFigure } from './rke.ts';
export { loadBalancerFigure } from './load-balancer.ts';
export { nodeRolesFigure } from './node-roles.ts';
export { authorizedEndpointFigure } from './authorized-endpoint.ts';
