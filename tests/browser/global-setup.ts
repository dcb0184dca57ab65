/** Builds the browser test page once, before any test file runs, and tells the workers where it is. */
import type { TestProject } from 'vitest/node';
import { buildBrowserPage } from './build';

export default async function setup(project: TestProject): Promise<void> {
  project.provide('browserPage', await buildBrowserPage());
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserPage: string;
  }
}
