export * from './decimal.js';
export * from './range.js';
export * from './quantity.js';
export * from './date.js';
export * from './structure.js';
export * from './metadata.js';
export * from './report.js';
export * from './table.js';
