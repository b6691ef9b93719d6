package quotes

import (
	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

// Msg is implemented by the results of the pane's own queries; the root
// model sends every Msg here, focused or not.
type Msg interface{ quotesMsg() }

type pageMsg struct {
	gen   int
	dir   common.Direction
	items []data.QuoteItem
	limit int
	err   error
}

type matchesMsg struct {
	seq     int
	matches []data.SpeakerMatch
	err     error
}

func (pageMsg) quotesMsg()    {}
func (matchesMsg) quotesMsg() {}

func (m *Model) query() data.QuoteQuery {
	q := data.QuoteQuery{Limit: common.PageSize}
	if m.speaker != nil {
		q.SpeakerIDs = []int64{m.speaker.ID}
	}
	return q
}

// reload replaces the window with the newest page (or the oldest).
func (m *Model) reload(dir common.Direction) tea.Cmd {
	m.gen++
	m.win.Fetching = true
	return m.fetch(dir, data.Cursor{})
}

// fetch runs one page query in a command, tagged with the window
// generation so a page for an older window is dropped.
func (m *Model) fetch(dir common.Direction, at data.Cursor) tea.Cmd {
	c, gen, q := m.common, m.gen, m.query()
	switch dir {
	case common.Last:
		q.Last = true
	case common.After:
		q.After = at
	case common.Before:
		q.Before = at
	}
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		items, err := c.Store.Quotes(ctx, q)
		return pageMsg{gen: gen, dir: dir, items: items, limit: q.Limit, err: err}
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
	if dir == common.After {
		return m.fetch(dir, w.Rows[len(w.Rows)-1].Cursor)
	}
	return m.fetch(dir, w.Rows[0].Cursor)
}

func (m *Model) receivePage(msg pageMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.win.Fetching = false
	m.loaded = true
	if msg.err != nil {
		return func() tea.Msg { return common.ErrorStatus("loading quotes", msg.err) }
	}
	m.win.Place(msg.dir, msg.items, len(msg.items) >= msg.limit, &m.nav, m.visibleRows())
	if m.openNewest && !m.typing && msg.dir == common.First {
		m.openNewest = false
		return tea.Batch(m.openNewestQuote(), m.maybeFetch())
	}
	return m.maybeFetch()
}

// findSpeakers searches speakers as the user types; a result for older
// input is dropped.
func (m *Model) findSpeakers(query string) tea.Cmd {
	m.matchSeq++
	c, seq := m.common, m.matchSeq
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		matches, err := c.Store.SearchSpeakers(ctx, query, MatchLimit)
		return matchesMsg{seq: seq, matches: matches, err: err}
	}
}
