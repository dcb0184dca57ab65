/** The plugin's view types and its icon: plain constants with no imports, so any module may use them. */
export const VIEW_ROSTER = 'follow-through-roster';
export const VIEW_CLIENT = 'follow-through-client';
export const VIEW_PRACTICE = 'follow-through-practice';
export const ICON = 'list-checks';
