// Types for the TypeScript test beside this file: the rule is plain JavaScript (index.mjs), and
// the project's tsconfig does not compile JavaScript. `tsc --allowJs --checkJs` checks index.mjs.
import type { Rule } from 'jiaohe';

export declare const sessionsMatchList: Rule;
declare const rule: Rule;
export default rule;
