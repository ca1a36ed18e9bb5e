import { defineConfig } from 'tsup';

// One entry per public area; keep in step with the "exports" map in package.json.
export const areas = ['nps', 'retention', 'segmentation', 'stages', 'clv', 'economics', 'charts'] as const;

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    ...Object.fromEntries(areas.map((area) => [`${area}/index`, `src/${area}/index.ts`])),
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
  outDir: 'dist',
  tsconfig: 'tsconfig.src.json',
});
