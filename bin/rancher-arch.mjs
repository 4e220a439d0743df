#!/usr/bin/env node
// rancher-arch: runs the TypeScript sources directly (Node's built-in type stripping, Node ≥ 22.18 / 24).
import { main, nodeIo } from '../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2), nodeIo());
