// The tool's name and version, as reports (JSON, SARIF, JUnit) name it.
import pkg from '../../package.json' with { type: 'json' };

export const TOOL = { name: 'rancher-arch', version: pkg.version } as const;
