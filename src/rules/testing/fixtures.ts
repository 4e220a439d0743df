// The project's own small inputs in test/fixtures/ (one quirk each; its README says which), read
// as the CLI reads a named file, for the readers' tests.
import { readFileSync } from 'node:fs';
import { readInputDetailed } from '../formats/read.ts';

export const FIXTURES = new URL('../../../test/fixtures/', import.meta.url);
export const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
export const readFixture = (name: string, options = {}) => readInputDetailed(fixture(name), { filename: name, ...options });
/** "name:role+role" per node of the first cluster, in plan order. */
export const nodesOf = (name: string, options = {}) => readFixture(name, options).plan.clusters[0]!.nodes.map((n) => `${n.name}:${n.roles.join('+')}`);
