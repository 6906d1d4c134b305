// Jest transform: TypeScript/TSX and PnPjs's ES modules to CommonJS with esbuild.
// Type-checking is `npm run build`'s job (tsc -p tsconfig.tests.json); this only transpiles, fast.
const { transformSync } = require('esbuild');
const path = require('path');

module.exports = {
  process(source, filename) {
    const ext = path.extname(filename).slice(1);
    const loader = ext === 'tsx' ? 'tsx' : ext === 'ts' ? 'ts' : ext === 'jsx' ? 'jsx' : 'js';
    const result = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node22',
      sourcemap: 'inline',
      sourcefile: filename,
      jsx: 'transform',
      jsxFactory: 'React.createElement',
      jsxFragment: 'React.Fragment',
      supported: { 'dynamic-import': false },
    });
    return { code: result.code };
  },
};
