package common

import tea "github.com/charmbracelet/bubbletea"

// ListNav is the cursor and scroll offset of a list of n rows showing
// visible rows at a time.
type ListNav struct {
	Cursor int // selected row
	Offset int // first row shown
}

// Move moves the cursor by delta rows, clamped to the list, and scrolls to
// keep it shown.
func (l *ListNav) Move(delta, n, visible int) {
	l.Set(l.Cursor+delta, n, visible)
}

// Set selects row i, clamped to the list, and scrolls to keep it shown.
func (l *ListNav) Set(i, n, visible int) {
	l.Cursor = max(0, min(i, n-1))
	l.Clamp(n, visible)
}

// Shift moves both cursor and offset by delta, as when rows are added or
// dropped above the ones shown.
func (l *ListNav) Shift(delta, n, visible int) {
	l.Cursor += delta
	l.Offset += delta
	l.Clamp(n, visible)
}

// Clamp keeps cursor and offset valid after the list or view changed size.
func (l *ListNav) Clamp(n, visible int) {
	visible = max(1, visible)
	l.Cursor = max(0, min(l.Cursor, n-1))
	if l.Cursor < l.Offset {
		l.Offset = l.Cursor
	}
	if l.Cursor >= l.Offset+visible {
		l.Offset = l.Cursor - visible + 1
	}
	l.Offset = max(0, min(l.Offset, n-visible))
}

// ClickedRow is the row (from the top of the rows shown) under a press of
// the left button, for a list whose rows of height lines start at line top
// of its pane, visible of them shown; ok is false for any other event.
func ClickedRow(msg tea.MouseMsg, top, height, visible int) (row int, ok bool) {
	if msg.Button != tea.MouseButtonLeft || msg.Action != tea.MouseActionPress || msg.Y < top {
		return 0, false
	}
	row = (msg.Y - top) / height
	return row, row < visible
}
