package articles

import (
	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

// New articles arrive while the list is in use (a fetch running in the
// background). Nothing on screen may jump: the window is read again around
// the selected row, which stays selected and, unless the list is at its
// top (its newest row selected), on the same screen row. At the top the new
// rows show above it; further down they go above the rows shown and the
// title line says how many there are ("3 new · g to see").

// refreshMsg is the window read again around anchor.
type refreshMsg struct {
	gen           int
	anchor        data.ListItem
	before, after []data.ListItem // newer and older than anchor, newest first
	err           error
}

func (refreshMsg) articlesMsg() {}

// arrived reads the window again around the selected row; calls while a
// read is running are folded into one more read after it.
func (m *Model) arrived() tea.Cmd {
	if len(m.win.Rows) == 0 {
		if m.win.Fetching {
			m.refreshAgain = true // the first page is on its way: read again after it
			return nil
		}
		return m.reload()
	}
	if m.refreshing {
		m.refreshAgain = true
		return nil
	}
	m.refreshing = true
	anchor := m.win.Rows[m.nav.Cursor]
	c, gen, list, filter := m.common, m.gen, m.lister(), m.filter
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		msg := refreshMsg{gen: gen, anchor: anchor}
		msg.before, msg.err = list(ctx, data.ListQuery{Filter: filter, Before: anchor.Cursor, Limit: common.PageSize})
		if msg.err == nil {
			msg.after, msg.err = list(ctx, data.ListQuery{Filter: filter, After: anchor.Cursor, Limit: common.PageSize})
		}
		return msg
	}
}

func (m *Model) receiveRefresh(msg refreshMsg) tea.Cmd {
	m.refreshing = false
	again := m.refreshAgain
	m.refreshAgain = false
	if msg.gen != m.gen || len(m.win.Rows) == 0 {
		// The window was replaced meanwhile (its own read saw the new
		// rows), unless more arrived since.
		if again {
			return m.arrived()
		}
		return nil
	}
	if msg.err != nil {
		return func() tea.Msg { return common.ErrorStatus("reading new articles", msg.err) }
	}
	old := m.win.Rows
	known := make(map[int64]bool, len(old))
	for _, r := range old {
		known[r.ID] = true
		if r.ID == msg.anchor.ID {
			msg.anchor = r // its flags may have changed since
		}
	}
	rows := make([]data.ListItem, 0, len(msg.before)+1+len(msg.after))
	rows = append(append(append(rows, msg.before...), msg.anchor), msg.after...)

	// The row selected now (the user may have moved since the read).
	selected := old[m.nav.Cursor].ID
	at := -1
	for i := range rows {
		if rows[i].ID == selected {
			at = i
			break
		}
	}
	if at < 0 {
		return m.arrived() // moved far: read again around the new row
	}
	visible := m.visibleRows()
	oldAtStart := m.win.AtStart
	atTop := m.win.AtStart && m.nav.Cursor == 0 // the newest row is selected
	screenRow := m.nav.Cursor - m.nav.Offset
	m.win.Rows = rows
	m.win.AtStart, m.win.AtEnd = len(msg.before) < common.PageSize, len(msg.after) < common.PageSize
	if atTop {
		m.nav = common.ListNav{Cursor: at}
	} else {
		m.nav = common.ListNav{Cursor: at, Offset: at - screenRow}
	}
	m.nav.Clamp(len(m.win.Rows), visible)
	if !(m.win.AtStart && m.nav.Offset == 0) {
		for _, r := range rows[:m.nav.Offset] {
			// A row newer than the old window's first is new only if
			// that window held the newest row; else it was just unread.
			if !known[r.ID] && (oldAtStart || !newer(r.Cursor, old[0].Cursor)) {
				m.newAbove++
			}
		}
	}
	// Pages asked for the old window no longer fit: drop them.
	m.gen++
	m.win.Fetching = false
	m.loaded = true
	cmds := []tea.Cmd{m.maybeFetch()}
	if again {
		cmds = append(cmds, m.arrived())
	}
	return tea.Batch(cmds...)
}

// newer reports whether a comes before b in the list (newest first).
func newer(a, b data.Cursor) bool {
	return a.SortTime > b.SortTime || (a.SortTime == b.SortTime && a.ID > b.ID)
}

// seenTop forgets the new rows once the list shows its top.
func (m *Model) seenTop() {
	if m.win.AtStart && m.nav.Offset == 0 {
		m.newAbove = 0
	}
}
