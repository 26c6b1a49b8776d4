/**
 * Small pure helpers that every part may import (cli/, provider/, devnet/, bench/). This directory
 * imports nothing from those parts and no third-party library.
 */
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export { isRecord } from './is-record.js';
export {
  BYTE_UNITS,
  DURATION_UNITS,
  formatByteSize,
  formatBytesForPeople,
  formatCpu,
  formatCpuForPeople,
  formatDuration,
  formatDurationForPeople,
  formatPerHourForPeople,
  formatTokenAmount,
  formatTokenForPeople,
  parseBlockTime,
  parseByteSize,
  parseCpu,
  parseDuration,
  parseTokenAmount,
  roundSignificant,
  unitFail,
  unitOk,
} from './units/index.js';
export type { UnitResult } from './units/index.js';
