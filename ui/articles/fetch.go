package articles

import (
	"context"

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

func (pageMsg) articlesMsg() {}

// reload replaces the window with the newest page under the filter.
func (m *Model) reload() tea.Cmd {
	m.gen++
	m.fetching = true
	m.newAbove = 0
	return m.fetch(direction{first: true}, data.ListQuery{Filter: m.filter, Limit: PageSize})
}

// fetch runs one page query in a command; the result is tagged with the
// window generation so a page for an older window is dropped.
func (m *Model) fetch(dir direction, q data.ListQuery) tea.Cmd {
	c, gen, list := m.common, m.gen, m.lister()
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		items, err := list(ctx, q)
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

// lister is the page query of the list: all articles, or one feed's.
func (m *Model) lister() func(context.Context, data.ListQuery) ([]data.ListItem, error) {
	store, feed := m.common.Store, m.feed.ID
	return func(ctx context.Context, q data.ListQuery) ([]data.ListItem, error) {
		q.FeedID = feed
		return store.List(ctx, q)
	}
}

// SetFeed shows only feed's articles (all of them for the zero Feed).
func (m *Model) SetFeed(feed data.Feed) tea.Cmd {
	m.feed = feed
	if m.query != "" {
		m.clearSearch()
	}
	return m.reload()
}

// Feed is the feed the list shows, or the zero Feed for all.
func (m *Model) Feed() data.Feed { return m.feed }
