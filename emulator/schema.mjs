// Tiny request-shape checkers for the emulator. Each checker returns a list of problems as
// `[pathString, message]`; the backend reports them as "Error in payload.<path>: Invalid input".

const ok = [];

const at = (path, message = 'Invalid input') => [[path, message]];

const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);

export const string =
  ({ min = 0, max = Infinity } = {}) =>
  (v, path) =>
    typeof v === 'string' && v.length >= min && v.length <= max ? ok : at(path);

export const boolean = () => (v, path) => (typeof v === 'boolean' ? ok : at(path));

export const number =
  ({ int = false, min = -Infinity, max = Infinity } = {}) =>
  (v, path) =>
    typeof v === 'number' && Number.isFinite(v) && (!int || Number.isInteger(v)) && v >= min && v <= max
      ? ok
      : at(path);

export const literal = (...values) => (v, path) => (values.includes(v) ? ok : at(path));

export const nullable = check => (v, path) => (v === null ? ok : check(v, path));

export const unknown = () => () => ok;

export const array = item => (v, path) =>
  Array.isArray(v) ? v.flatMap((x, i) => item(x, `${path}.${i}`)) : at(path);

export const record = value => (v, path) =>
  isObject(v) ? Object.entries(v).flatMap(([k, x]) => value(x, `${path}.${k}`)) : at(path);

/** An object with the given optional/required members; unknown keys are refused (strict). */
export const object =
  (shape, { required = [] } = {}) =>
  (v, path) => {
    if (!isObject(v)) return at(path);
    const problems = [];
    for (const key of Object.keys(v)) {
      if (!(key in shape)) problems.push([`${path}.${key}`, 'Unrecognized key']);
    }
    for (const key of required) {
      if (v[key] === undefined) problems.push([`${path}.${key}`, 'Required']);
    }
    for (const [key, check] of Object.entries(shape)) {
      if (v[key] !== undefined) problems.push(...check(v[key], `${path}.${key}`));
    }
    return problems;
  };

/** The first alternative with no problems wins; otherwise the value is invalid as a whole. */
export const union =
  (...alternatives) =>
  (v, path) =>
    alternatives.some(alt => alt(v, path).length === 0) ? ok : at(path);
