package articles

import (
	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

// Msg is implemented by the results of the list's own queries; the root
// model sends every Msg to this pane, focused or not.
type Msg interface{ articlesMsg() }

// direction says where a page goes in the window.
type direction struct {
	first, last   bool // replaces the window
	after, before bool // appended, prepended
}

type pageMsg struct {
	gen   int
	dir   direction
	items []data.ListItem
	limit int
	err   error
}

type searchMsg struct {
	seq   int
	query string
	hits  []data.SearchHit
	err   error
}

func (pageMsg) articlesMsg()   {}
func (searchMsg) articlesMsg() {}

// reload replaces the window with the newest page under the filter.
func (m *Model) reload() tea.Cmd {
	m.gen++
	m.fetching = true
	return m.fetch(direction{first: true}, data.ListQuery{Filter: m.filter, Limit: PageSize})
}

// fetch runs one page query in a command; the result is tagged with the
// window generation so a page for an older window is dropped.
func (m *Model) fetch(dir direction, q data.ListQuery) tea.Cmd {
	c, gen := m.common, m.gen
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		items, err := c.Store.List(ctx, q)
		return pageMsg{gen: gen, dir: dir, items: items, limit: q.Limit, err: err}
	}
}

// maybeFetch asks for the next or previous page when the cursor nears an
// end of the window. At most one page query is in flight.
func (m *Model) maybeFetch() tea.Cmd {
	if m.fetching || len(m.rows) == 0 {
		return nil
	}
	margin := prefetch + m.visibleRows()
	switch {
	case !m.atEnd && m.nav.Cursor >= len(m.rows)-margin:
		m.fetching = true
		return m.fetch(direction{after: true}, data.ListQuery{Filter: m.filter, After: m.rows[len(m.rows)-1].Cursor, Limit: PageSize})
	case !m.atStart && m.nav.Cursor < margin:
		m.fetching = true
		return m.fetch(direction{before: true}, data.ListQuery{Filter: m.filter, Before: m.rows[0].Cursor, Limit: PageSize})
	}
	return nil
}

func (m *Model) receivePage(msg pageMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.fetching = false
	if msg.err != nil {
		m.loaded = true
		return func() tea.Msg { return common.ErrorStatus("loading articles", msg.err) }
	}
	full := len(msg.items) >= msg.limit
	visible := m.visibleRows()
	switch {
	case msg.dir.first:
		m.rows = msg.items
		m.nav = common.ListNav{}
		m.atStart, m.atEnd = true, !full
	case msg.dir.last:
		m.rows = msg.items
		m.atStart, m.atEnd = !full, true
		m.nav = common.ListNav{}
		m.nav.Set(len(m.rows)-1, len(m.rows), visible)
	case msg.dir.after:
		m.rows = append(m.rows, msg.items...)
		m.atEnd = !full
		if drop := len(m.rows) - WindowSize; drop > 0 {
			m.rows = append([]data.ListItem(nil), m.rows[drop:]...)
			m.atStart = false
			m.nav.Shift(-drop, len(m.rows), visible)
		}
	case msg.dir.before:
		m.rows = append(append([]data.ListItem(nil), msg.items...), m.rows...)
		m.atStart = !full
		m.nav.Shift(len(msg.items), len(m.rows), visible)
		if len(m.rows) > WindowSize {
			m.rows = m.rows[:WindowSize]
			m.atEnd = false
			m.nav.Clamp(len(m.rows), visible)
		}
	}
	m.loaded = true
	m.nav.Clamp(len(m.rows), visible)
	return m.maybeFetch()
}

// search runs a full-text search in a command, tagged so that an older
// search's result is dropped.
func (m *Model) search(query string) tea.Cmd {
	m.searchSeq++
	m.query = query
	m.hits = nil
	m.hitNav = common.ListNav{}
	m.searching = true
	c, seq := m.common, m.searchSeq
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		hits, err := c.Store.Search(ctx, query, SearchLimit)
		return searchMsg{seq: seq, query: query, hits: hits, err: err}
	}
}

func (m *Model) receiveSearch(msg searchMsg) tea.Cmd {
	if msg.seq != m.searchSeq {
		return nil
	}
	m.searching = false
	if msg.err != nil {
		m.hits = nil
		return func() tea.Msg { return common.ErrorStatus("searching", msg.err) }
	}
	m.hits = msg.hits
	m.hitNav.Clamp(len(m.hits), m.visibleRows())
	return nil
}
