import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const modules = (pattern: string) => new RegExp(`node_modules[\\\\/](${pattern})[\\\\/]`);

/**
 * Vendor code in a few chunks by library, so no chunk is huge and one upgrade does not invalidate every cached
 * file. Higher priority wins when a module matches several groups.
 */
const vendorGroups = [
  { name: 'react', test: modules('react|react-dom|scheduler'), priority: 30 },
  { name: 'icons', test: modules('@ant-design[\\\\/]icons|@ant-design[\\\\/]icons-svg'), priority: 25 },
  { name: 'rc', test: modules('@rc-component|rc-[^\\\\/]+'), priority: 20 },
  {
    name: 'antd',
    test: modules('antd|@ant-design|@emotion|stylis|dayjs|@babel[\\\\/]runtime'),
    priority: 15,
  },
  { name: 'tanstack', test: modules('@tanstack'), priority: 10 },
  { name: 'forms', test: modules('zod|react-hook-form|@hookform'), priority: 10 },
  // Loaded only with a growth chart (a lazy import), so it must not land in the eager vendor chunk.
  { name: 'charts', test: modules('echarts|zrender'), priority: 10 },
  { name: 'vendor', test: /node_modules/, priority: 1 },
];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
});
