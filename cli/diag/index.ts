// cli/diag: the diagnostic shape, the error base classes and redaction. Imports nothing from the
// rest of Leasehold, so both the core and the provider may depend on it.
export { errorDiag, hasErrors, sortDiagnostics, warningDiag } from './diagnostic.js';
export type { Diagnostic, Diagnostics, SourceRange } from './diagnostic.js';
export { DiagnosticsError, LeaseholdError } from './errors.js';
export type { LeaseholdErrorOptions } from './errors.js';
export { knownSecrets, registerSecret } from './known-secrets.js';
export { redact, SENSITIVE_MASK } from './redact.js';
