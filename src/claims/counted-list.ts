/** Counted lists (《A》、《B》等专题培训2次, A、B、C三大体系, 前三的镇街为…): see `counted-list/`. */
export { extractCountedLists } from './counted-list/index.js';
