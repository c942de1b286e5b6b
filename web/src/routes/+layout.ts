// A pure single-page app: Firebase Hosting serves index.html for every path, the browser renders.
export const ssr = false;
export const prerender = false;
