export { default as PlanChecker } from './PlanChecker.tsx';
export { checkerReducer, initialState, type Action, type CheckerState } from './state.ts';
export { encodePlan, decodePlan, planHash, payloadFromHash, ShareError } from './share.ts';
