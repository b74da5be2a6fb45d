import {
  CONVERSIONS,
  EXPANSION_ROOTS,
  LOGICAL,
  VALUE_OPERATORS,
  expansionPath,
  isExpansion,
  isPlainObject,
  operatorName,
} from './expression-syntax';

/**
 * Every problem of an expression, each naming where it is (`roles[0].apply_when.$or[1]`):
 * unknown expansions, operators and functions. `functions` is the names of the app's functions.
 */
export function expressionProblems(
  expr: unknown,
  where: string,
  functions: ReadonlySet<string>,
): string[] {
  if (typeof expr === 'boolean') return [];
  if (!isPlainObject(expr)) return [`${where} must be a boolean or an object`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(expr)) {
    const at = `${where}.${key}`;
    const op = operatorName(key);
    if (op !== undefined) {
      if (!LOGICAL.has(op)) problems.push(`${at}: "${key}" is not supported in an expression`);
      else if (!Array.isArray(value) || value.length === 0)
        problems.push(`${at} must be a non-empty list of expressions`);
      else
        value.forEach((e, i) => problems.push(...expressionProblems(e, `${at}[${i}]`, functions)));
      continue;
    }
    if (key.startsWith('%') && !isExpansion(key)) {
      problems.push(`${at}: "${key}" is not supported as a key of an expression`);
      continue;
    }
    if (isExpansion(key)) problems.push(...expansionProblems(key, at));
    else if (key === '' || key.startsWith('.') || key.endsWith('.'))
      problems.push(`${at}: invalid field name "${key}"`);
    problems.push(...valueProblems(value, at, functions));
  }
  return problems;
}

function expansionProblems(text: string, at: string): string[] {
  const [root] = expansionPath(text);
  return root !== undefined && EXPANSION_ROOTS.has(root)
    ? []
    : [`${at}: unknown expansion "${text}"`];
}

function valueProblems(value: unknown, at: string, functions: ReadonlySet<string>): string[] {
  if (isExpansion(value)) return expansionProblems(value, at);
  if (Array.isArray(value))
    return value.flatMap((v, i) => valueProblems(v, `${at}[${i}]`, functions));
  if (!isPlainObject(value)) return [];
  const problems: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    const here = `${at}.${key}`;
    if (key === '%function') {
      problems.push(...functionCallProblems(inner, here, functions));
    } else if (CONVERSIONS.has(key)) {
      problems.push(...valueProblems(inner, here, functions));
    } else if (isExpansion(key)) {
      problems.push(`${here}: an expansion cannot be a key inside a value`);
    } else {
      const op = operatorName(key);
      if (op !== undefined && !VALUE_OPERATORS.has(op))
        problems.push(`${here}: "${key}" is not supported in an expression`);
      else problems.push(...valueProblems(inner, here, functions));
    }
  }
  return problems;
}

function functionCallProblems(call: unknown, at: string, functions: ReadonlySet<string>): string[] {
  if (!isPlainObject(call) || typeof call.name !== 'string')
    return [`${at} must be {"name": "<function>", "arguments": [...]}`];
  const problems: string[] = [];
  if (!functions.has(call.name)) problems.push(`${at}: function "${call.name}" not found`);
  if (call.arguments !== undefined && !Array.isArray(call.arguments))
    problems.push(`${at}.arguments must be a list`);
  else if (Array.isArray(call.arguments))
    problems.push(...valueProblems(call.arguments, `${at}.arguments`, functions));
  return problems;
}
