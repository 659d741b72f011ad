/**
 * What page.js assumes of the DOM, for `tsc -p tsconfig.page.json` only (the other projects
 * exclude this file). The script's handlers listen on the document and guard with
 * `e.target.closest && e.target.closest(...)`, because an event's target need not be an element:
 * this declares exactly that guard, a target that may have `closest`.
 */
interface EventTarget {
  closest?(selectors: string): Element | null;
}
