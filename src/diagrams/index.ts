// Diagram components. Each draws a plan (default: the guidance's own example) as inline SVG,
// computed with d3 maths and rendered by React with no browser APIs, so it works at build time.
export {
  SeparationDiagram,
  K3sClusterDiagram,
  RkeClusterDiagram,
  LoadBalancerDiagram,
  NodeRolesDiagram,
  AuthorizedEndpointDiagram,
  PlanDiagram,
  type DiagramProps,
} from './diagrams.tsx';
