import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests start local fake servers; give them room on a busy 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
