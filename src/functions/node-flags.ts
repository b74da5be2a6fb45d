/**
 * isolated-vm on Node 20 needs `--no-node-snapshot`; without it Node can crash. The flag is on
 * the command line (`execArgv`) or in NODE_OPTIONS (config.nodeOptions); main.ts checks at start.
 */
export function assertNodeFlags(execArgv: readonly string[], nodeOptions: string): void {
  const flags = `${execArgv.join(' ')} ${nodeOptions}`;
  if (!flags.includes('--no-node-snapshot')) {
    throw new Error(
      'the functions sandbox (isolated-vm) needs Node started with --no-node-snapshot ' +
        '(npm start, npm test and npm run dev set it; otherwise set NODE_OPTIONS=--no-node-snapshot)',
    );
  }
}
