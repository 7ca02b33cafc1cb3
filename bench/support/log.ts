/** Progress lines go to stderr; stdout carries the report. */
export function log(message: string): void {
  console.error(`[bench] ${message}`);
}
