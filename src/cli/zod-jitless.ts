/**
 * Turns off zod's compiled fast path for the CLI. A run parses a few small documents (config,
 * rule options) once each: compiling a parser for them with new Function costs more at start-up
 * than it ever saves. zod reads the setting when a schema is made, so this module is the first
 * the CLI's entry imports, before any module that makes schemas at load.
 */
import { config } from 'zod';

config({ jitless: true });
