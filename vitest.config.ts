import { defineConfig } from 'vitest/config';
import { TEST_PROJECTS } from './test/projects.js';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // extends: the timeouts above hold in every project.
    projects: TEST_PROJECTS.map(({ name, include, exclude }) => ({ extends: true, test: { name, include, exclude } })),
  },
});
