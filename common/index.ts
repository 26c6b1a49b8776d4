/**
 * Small pure helpers that every part may import (cli/, provider/, devnet/, bench/). This directory
 * imports nothing from those parts and no third-party library.
 */
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
