export { default as PlanChecker } from './PlanChecker.tsx';
