// Vite turns imported stylesheets into <link> tags at build time.
declare module '*.css';
