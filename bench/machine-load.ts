import { loadavg } from "node:os";

/**
 * The 1-minute load average when this benchmark process started, before the run added its
 * own: other work on the machine shows here. For the reports' header line.
 */
export const STARTING_LOAD = loadavg()[0].toFixed(2);
