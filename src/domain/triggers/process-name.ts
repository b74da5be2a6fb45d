import { hostname } from 'node:os';

/** This server process, as the claims of trigger runs and attempts name their owner. */
export const PROCESS_NAME = `${hostname()}:${process.pid}`;
