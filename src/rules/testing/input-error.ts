// For tests of readers: run what should refuse its input and hand back the InputError it threw.
import { expect } from 'vitest';
import { InputError } from '../formats/input-error.ts';

export function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}
