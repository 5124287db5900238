/** The relative files a module's text imports statically. */
export function staticImports(text: string): string[];
/** The module entry's file name and its static graph, entry first. */
export function entryGraph(dir?: string): string[];
/** Writes `dist/slotwise.js`, the classic loader, for the modules tsup built; `font` is the widget's default face (`src/styles/font.ts`). */
export function writeLoader(options: { font: string }): Promise<void>;
