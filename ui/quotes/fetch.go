package quotes

import (
	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

// Msg is implemented by the results of the pane's own queries; the root
// model sends every Msg here, focused or not.
type Msg interface{ quotesMsg() }

// direction says where a page goes in the window.
type direction int

const (
	first  direction = iota // replaces the window with the newest quotes
	last                    // replaces the window with the oldest quotes
	after                   // appended
	before                  // prepended
)

type pageMsg struct {
	gen   int
	dir   direction
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

// window is the quotes in memory: at most WindowSize rows around the
// cursor, paged from the store by keyset as the cursor moves.
type window struct {
	rows     []data.QuoteItem
	atStart  bool // holds the newest quote
	atEnd    bool // holds the oldest quote
	fetching bool
}

func (m *Model) query() data.QuoteQuery {
	q := data.QuoteQuery{Limit: PageSize}
	if m.speaker != nil {
		q.SpeakerIDs = []int64{m.speaker.ID}
	}
	return q
}

// reload replaces the window with the newest page (or the oldest).
func (m *Model) reload(dir direction) tea.Cmd {
	m.gen++
	m.win.fetching = true
	return m.fetch(dir, data.Cursor{})
}

// fetch runs one page query in a command, tagged with the window
// generation so a page for an older window is dropped.
func (m *Model) fetch(dir direction, at data.Cursor) tea.Cmd {
	c, gen, q := m.common, m.gen, m.query()
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		var items []data.QuoteItem
		var err error
		switch dir {
		case first:
			items, err = c.Store.Quotes(ctx, q)
		case last:
			items, err = c.Store.LastQuotes(ctx, q)
		case after:
			q.After = at
			items, err = c.Store.Quotes(ctx, q)
		case before:
			items, err = c.Store.QuotesBefore(ctx, q, at)
		}
		return pageMsg{gen: gen, dir: dir, items: items, limit: q.Limit, err: err}
	}
}

// maybeFetch asks for the next or previous page when the cursor nears an
// end of the window. At most one page query is in flight.
func (m *Model) maybeFetch() tea.Cmd {
	w := &m.win
	if w.fetching || len(w.rows) == 0 {
		return nil
	}
	margin := prefetch + m.visibleRows()
	switch {
	case !w.atEnd && m.nav.Cursor >= len(w.rows)-margin:
		w.fetching = true
		return m.fetch(after, w.rows[len(w.rows)-1].Cursor)
	case !w.atStart && m.nav.Cursor < margin:
		w.fetching = true
		return m.fetch(before, w.rows[0].Cursor)
	}
	return nil
}

func (m *Model) receivePage(msg pageMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	w := &m.win
	w.fetching = false
	m.loaded = true
	if msg.err != nil {
		return func() tea.Msg { return common.ErrorStatus("loading quotes", msg.err) }
	}
	full := len(msg.items) >= msg.limit
	visible := m.visibleRows()
	switch msg.dir {
	case first:
		w.rows, w.atStart, w.atEnd = msg.items, true, !full
		m.nav = common.ListNav{}
	case last:
		w.rows, w.atStart, w.atEnd = msg.items, !full, true
		m.nav = common.ListNav{}
		m.nav.Set(len(w.rows)-1, len(w.rows), visible)
	case after:
		w.rows = append(w.rows, msg.items...)
		w.atEnd = !full
		if drop := len(w.rows) - WindowSize; drop > 0 {
			w.rows = append([]data.QuoteItem(nil), w.rows[drop:]...)
			w.atStart = false
			m.nav.Shift(-drop, len(w.rows), visible)
		}
	case before:
		w.rows = append(append([]data.QuoteItem(nil), msg.items...), w.rows...)
		w.atStart = !full
		m.nav.Shift(len(msg.items), len(w.rows), visible)
		if len(w.rows) > WindowSize {
			w.rows = w.rows[:WindowSize]
			w.atEnd = false
		}
	}
	m.nav.Clamp(len(w.rows), visible)
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
