/**
 * The `jiaohe` executable named in package.json (`dist/cli.js`): it loads the CommonJS program
 * beside it (dist/cli.cjs, from bin.ts) and nothing else. The name stays `cli.js` because npx
 * keeps links to a project's executable under its old name: a new name left `npx jiaohe` failing
 * in checkouts where it had run before.
 */
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./cli.cjs');
