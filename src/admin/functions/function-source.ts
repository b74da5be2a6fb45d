import vm from 'node:vm';
import { InvalidInputError } from '../../errors/app-error';

const FILENAME = 'function-source.js';
/** The first line of a SyntaxError's stack: the file and the line number. */
const WHERE = /^function-source\.js:(\d+)$/;

/**
 * Checks that a function's source parses, without running it: `vm.Script` only compiles. App
 * Services sources are scripts assigning `exports` (`exports = async function (...) {...}`), so
 * they are compiled as a script, where `await` is valid inside async functions only.
 */
export function checkFunctionSource(source: string, what = 'source'): void {
  if (parsed.has(source)) return;
  try {
    new vm.Script(source, { filename: FILENAME });
    remember(source);
  } catch (err) {
    // By name, not instanceof: the error may come from another realm (e.g. under a test runner).
    if (isSyntaxError(err)) {
      throw new InvalidInputError(
        `function ${what} has a syntax error${position(err)}: ${err.message}`,
        'FunctionSyntaxError',
      );
    }
    throw err;
  }
}

/**
 * Sources that parsed, the most recent up to PARSED_MAX_CHARS in all: whether a source parses
 * depends on nothing else, and an import checks every function of the app, most unchanged.
 */
const parsed = new Set<string>();
const PARSED_MAX_CHARS = 4 * 1024 * 1024;
let parsedChars = 0;

function remember(source: string): void {
  if (source.length > PARSED_MAX_CHARS / 16) return;
  parsed.add(source);
  parsedChars += source.length;
  for (const oldest of parsed) {
    if (parsedChars <= PARSED_MAX_CHARS) break;
    parsed.delete(oldest);
    parsedChars -= oldest.length;
  }
}

/**
 * V8 puts the position at the top of a SyntaxError's stack: "<file>:<line>", the source line,
 * then a caret line under the offending token.
 */
function position(err: SyntaxLike): string {
  const [where = '', , caret = ''] = (err.stack ?? '').split('\n');
  const line = WHERE.exec(where)?.[1];
  if (!line) return '';
  const column = caret.indexOf('^');
  return column >= 0 ? ` at line ${line}, column ${column + 1}` : ` at line ${line}`;
}

interface SyntaxLike {
  name: string;
  message: string;
  stack?: string;
}

function isSyntaxError(err: unknown): err is SyntaxLike {
  return (
    typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'SyntaxError'
  );
}
