package quotes

import (
	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

// Msg is implemented by the results of the pane's own queries; the root
// model sends every Msg here, focused or not.
type Msg interface{ quotesMsg() }

type pageMsg struct{ common.Page[data.QuoteItem] }

type matchesMsg struct {
	seq     int
	matches []data.SpeakerMatch
	err     error
}

// debounceMsg fires common.Debounce after an edit of the speaker input;
// only the one for the last edit searches.
type debounceMsg struct{ seq int }

func (pageMsg) quotesMsg()     {}
func (matchesMsg) quotesMsg()  {}
func (debounceMsg) quotesMsg() {}

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
		return pageMsg{common.Page[data.QuoteItem]{Gen: gen, Dir: dir, Items: items, Limit: q.Limit, Err: err}}
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
	return m.fetch(dir, w.Edge(dir).Cursor)
}

func (m *Model) receivePage(msg pageMsg) tea.Cmd {
	ours, err := m.win.Receive(msg.Page, m.gen, &m.nav, m.visibleRows())
	if !ours {
		return nil
	}
	m.loaded = true
	if err != nil {
		return func() tea.Msg { return common.ErrorStatus("loading quotes", err) }
	}
	if m.openNewest && !m.typing && msg.Dir == common.First {
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
