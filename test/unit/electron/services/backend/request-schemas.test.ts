import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  compileRequestValidators,
  REQUEST_AJV_OPTIONS,
  REQUEST_SCHEMAS,
} from '../../../../../electron/services/backend/request-schemas';

describe('request schemas', () => {
  // the server compiles them without the meta-schema check, so it is made here
  it('each passes JSON Schema’s meta-schema and strict mode', () => {
    const ajv = new Ajv(REQUEST_AJV_OPTIONS);
    for (const [name, schema] of Object.entries(REQUEST_SCHEMAS)) {
      expect(() => ajv.compile(schema), name).not.toThrow();
    }
  });

  it('a validator is compiled when its method is first asked for, and kept', () => {
    const validators = compileRequestValidators();
    const first = validators.getSession;
    expect(first({ scan: true })).toBe(true);
    expect(first({ scan: 'yes' })).toBe(false);
    expect(validators.getSession).toBe(first);
    expect(Object.keys(validators).sort()).toEqual(Object.keys(REQUEST_SCHEMAS).sort());
  });
});
