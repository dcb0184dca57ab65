/**
 * The one module the shipped main.js may ask for, `obsidian`, for the shipped-bundle browser test:
 * the in-memory fake of the Obsidian API (tests/fakes/obsidian.ts), bundled for the page.
 */
import * as obsidian from '../fakes/obsidian';

(window as unknown as { ftObsidian: typeof obsidian }).ftObsidian = obsidian;
