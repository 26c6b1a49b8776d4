// common/diag (re-exported by cli/diag): the diagnostic shape, the error base classes and
// redaction. Imports nothing from the rest of Leasehold, so every part may depend on it.
export { errorDiag, hasErrors, sortDiagnostics, warningDiag } from './diagnostic.js';
export type { Diagnostic, Diagnostics, SourceRange } from './diagnostic.js';
export { DiagnosticsError, LeaseholdError } from './errors.js';
export type { LeaseholdErrorOptions } from './errors.js';
export {
  MIN_SECRET_LENGTH,
  WALLET_SECRET_VARIABLES,
  forgetKnownSecrets,
  knownSecrets,
  registerEnvSecrets,
  registerSecret,
} from './known-secrets.js';
export { redact, redactDiagnostic, redactError, redactWith, SENSITIVE_MASK } from './redact.js';
