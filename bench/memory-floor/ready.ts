/** Tells the benchmark (reading stdout) that a measured process has finished starting, then keeps it alive. */
export function announceReady(): void {
  console.log("ready");
  setInterval(() => {}, 60_000);
}
