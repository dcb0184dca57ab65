// Obsidian loads the default export of main.js as the plugin class.
export { default } from './obsidian/plugin';
