import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A pure SPA: Firebase Hosting rewrites every path to index.html (see firebase.json).
    adapter: adapter({ fallback: 'index.html' }),
  },
};

export default config;
