/**
 * Entry of `dist/electron/sass.cjs`: the Sass compiler in a bundle of its own, so the main
 * process, web host and CLI start without parsing ~5 MB they need only when Blog look compiles a
 * stylesheet (see load-sass.ts).
 */
export { compileString, Logger } from 'sass';
