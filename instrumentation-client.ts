import { z } from "zod";

// Runs in the browser before any page module. Zod compiles object parsers with `new Function`
// where it may, and probes for it when a schema is built; our CSP has no 'unsafe-eval', so the
// probe is refused and reported as a violation. The forms' small schemas need no compiling.
z.config({ jitless: true });
