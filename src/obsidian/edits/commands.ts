/** The command palette entries for edits. Call from the plugin's `onload`. */
import type { Plugin } from 'obsidian';
import type { Applier } from '../../app/applier';

export const UNDO_COMMAND_ID = 'undo-last-edit';

export function registerEditCommands(plugin: Plugin, applier: Applier): void {
  plugin.addCommand({
    id: UNDO_COMMAND_ID,
    name: 'Undo the last commitment edit',
    checkCallback: (checking: boolean) => {
      if (!applier.canUndo) return false;
      if (!checking) void applier.undo();
      return true;
    },
  });
}
