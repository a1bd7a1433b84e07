import { z } from 'zod'

// zod compiles fast parsers with `new Function` when a schema is built, which our CSP (no 'unsafe-eval') blocks
// and reports; this module is imported before any schema exists.
z.config({ jitless: true })
