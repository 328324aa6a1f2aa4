/**
 * `import.meta.url` for the CommonJS bundle of the CLI (dist/cli-main.cjs): tsup.config.ts
 * injects this file there and puts `importMetaUrl` in place of `import.meta.url`. Made with
 * pathToFileURL, so a path with spaces, `%` or `#` in it gives the right URL.
 */
import { pathToFileURL } from 'node:url';

/** The URL of the bundle's own file. */
export const importMetaUrl = pathToFileURL(__filename).href;
