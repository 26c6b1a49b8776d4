// common/units: the one home of exact parsers and formatters for CPU, byte sizes, durations and token
// amounts. Pure; no floats touch a quantity. Imports nothing outside this directory.
export { formatByteSize } from './format-byte-size.js';
export { formatCpu } from './format-cpu.js';
export { formatDuration } from './format-duration.js';
export {
  formatPerHourForPeople,
  formatTokenAmount,
  formatTokenForPeople,
} from './format-token-amount.js';
export { parseBlockTime } from './parse-block-time.js';
export { BYTE_UNITS, parseByteSize } from './parse-byte-size.js';
export { parseCpu } from './parse-cpu.js';
export { DURATION_UNITS, parseDuration } from './parse-duration.js';
export { parseTokenAmount } from './parse-token-amount.js';
export { unitFail, unitOk } from './unit-result.js';
export type { UnitResult } from './unit-result.js';
export {
  formatBytesForPeople,
  formatCpuForPeople,
  formatDurationForPeople,
  roundSignificant,
} from './format-for-people.js';
