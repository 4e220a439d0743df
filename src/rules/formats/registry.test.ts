import { describe, expect, it } from 'vitest';
import { FORMATS, INPUT_FORMATS } from './registry.ts';

describe('the registry', () => {
  it('lists as input formats exactly the formats that read (one text or, for Terraform, a set of files), in detection order', () => {
    expect(INPUT_FORMATS).toEqual(FORMATS.filter((f) => f.read !== undefined || f.readFiles !== undefined).map((f) => f.id));
    expect(INPUT_FORMATS).toContain('terraform');
    expect(INPUT_FORMATS).toContain('plan');
    expect(INPUT_FORMATS).not.toContain('nginx');
  });
});
