/** Every keyboard shortcut of the window, as the shortcut sheet and docs/ list them. */
export const SHORTCUTS: readonly { area: string; keys: readonly { keys: string; what: string }[] }[] = [
  {
    area: 'Anywhere',
    keys: [
      { keys: 'F1', what: 'The metrics glossary, at the column or tile that has the focus' },
      { keys: '?', what: 'This sheet of shortcuts (outside a cell or a text field)' },
      { keys: 'Ctrl+Z', what: 'Undo the last change (kept in the workbook)' },
      { keys: 'Ctrl+Y or Ctrl+Shift+Z', what: 'Redo' },
      { keys: 'Ctrl+,', what: 'Settings (desktop app)' },
      { keys: 'Escape', what: 'Close a dialog, skip the tour' },
    ],
  },
  {
    area: 'The sheet',
    keys: [
      { keys: 'Arrows, Tab, Shift+Tab', what: 'Move between cells' },
      { keys: 'Typing, F2 or Enter', what: 'Edit the cell' },
      { keys: 'Enter', what: 'Save the edit and move down' },
      { keys: 'Escape', what: 'Cancel the edit' },
      { keys: 'Delete or Backspace', what: 'Clear the cell or the selected block' },
      { keys: 'Shift+Arrows', what: 'Select a block' },
      { keys: 'Ctrl+C, Ctrl+V', what: 'Copy and paste blocks with Excel or LibreOffice' },
      { keys: 'Ctrl+D', what: 'Fill the selected block down from its top row (a single cell: from the cell above)' },
      { keys: 'Ctrl+R', what: 'Fill the selected block right from its left column' },
      { keys: '+20, -15%, *1.1, /2 then Enter', what: 'Change a number cell, or every cell of the selected block, by that much' },
      { keys: 'Ctrl+F', what: 'Find in the sheet (Enter: next match, Shift+Enter: previous)' },
      { keys: 'Ctrl+H', what: 'Find and replace in the sheet' },
      { keys: 'Escape in Find', what: 'Close Find and go back to the sheet' },
      { keys: 'Ctrl+Enter', what: "Open the focused account's Customer Picture" },
      { keys: 'Ctrl+Delete', what: 'Delete the selected accounts' },
      { keys: 'Enter in Search', what: "Open the account found's Customer Picture" },
      { keys: 'Alt+Down on a column header', what: 'The column menu: pin or hide the column, show hidden ones, reset columns' },
    ],
  },
  {
    area: 'Presentation',
    keys: [
      { keys: 'Right, Space, Page Down', what: 'Next slide' },
      { keys: 'Left, Page Up', what: 'Previous slide' },
      { keys: 'Escape', what: 'Leave presentation mode' },
    ],
  },
];
