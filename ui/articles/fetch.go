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

type pageMsg struct{ common.Page[data.ListItem] }

func (pageMsg) articlesMsg() {}

// reload replaces the window with the newest page under the filter.
func (m *Model) reload() tea.Cmd {
	m.gen++
	m.win.Fetching = true
	m.newAbove = 0
	return m.fetch(common.First, data.ListQuery{Filter: m.filter, Limit: common.PageSize})
}

// fetch runs one page query in a command; the result is tagged with the
// window generation so a page for an older window is dropped.
func (m *Model) fetch(dir common.Direction, q data.ListQuery) tea.Cmd {
	c, gen, list := m.common, m.gen, m.lister()
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		items, err := list(ctx, q)
		return pageMsg{common.Page[data.ListItem]{Gen: gen, Dir: dir, Items: items, Limit: q.Limit, Err: err}}
	}
}

// maybeFetch asks for the next or previous page when the cursor nears an
// end of the window. At most one page query is in flight.
func (m *Model) maybeFetch() tea.Cmd {
	w := &m.win
	dir, ok := w.Next(m.nav, m.visibleRows())
	if !ok {
		return nil
	}
	w.Fetching = true
	q := data.ListQuery{Filter: m.filter, Limit: common.PageSize}
	if at := w.Edge(dir).Cursor; dir == common.After {
		q.After = at
	} else {
		q.Before = at
	}
	return m.fetch(dir, q)
}

func (m *Model) receivePage(msg pageMsg) tea.Cmd {
	ours, err := m.win.Receive(msg.Page, m.gen, &m.nav, m.visibleRows())
	if !ours {
		return nil
	}
	m.loaded = true
	if err != nil {
		return func() tea.Msg { return common.ErrorStatus("loading articles", err) }
	}
	if m.refreshAgain && !m.refreshing {
		// articles arrived while the page was read: it may lack them
		m.refreshAgain = false
		return tea.Batch(m.maybeFetch(), m.arrived())
	}
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
