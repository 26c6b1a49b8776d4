// The library surface: `import { ... } from 'leasehold'`. Grows with the engine (plan, apply, destroy).
export type { Diagnostic, Diagnostics, SourceRange } from './cli/diag/index.js';
export { DiagnosticsError, LeaseholdError } from './cli/diag/index.js';
export type { ModelView, Provider } from './cli/provider-api.js';
export { loadProvider } from './cli/providers.js';
