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
	gen     int
	after   data.Cursor // the cursor the page was asked after
	prepend bool
	items   []data.QuoteItem
	limit   int
	err     error
}

type matchesMsg struct {
	seq     int
	matches []data.SpeakerMatch
	err     error
}

func (pageMsg) quotesMsg()    {}
func (matchesMsg) quotesMsg() {}

// window is the quotes in memory: a few pages, each remembered by the
// cursor it was asked after, so that pages dropped from the top can be asked
// for again (the store pages quotes forwards only).
type window struct {
	rows     []data.QuoteItem
	pages    []page
	back     []data.Cursor // the cursors of pages dropped from the top, last on top
	atEnd    bool
	fetching bool
}

type page struct {
	after data.Cursor
	n     int
}

func (m *Model) query(after data.Cursor) data.QuoteQuery {
	q := data.QuoteQuery{After: after, Limit: PageSize}
	if m.speaker != nil {
		q.SpeakerIDs = []int64{m.speaker.ID}
	}
	return q
}

// reload replaces the window with the newest page.
func (m *Model) reload() tea.Cmd {
	m.gen++
	m.win = window{fetching: true}
	m.nav = common.ListNav{}
	m.loaded = false
	return m.fetch(data.Cursor{}, false)
}

func (m *Model) fetch(after data.Cursor, prepend bool) tea.Cmd {
	c, gen, q := m.common, m.gen, m.query(after)
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		items, err := c.Store.Quotes(ctx, q)
		return pageMsg{gen: gen, after: after, prepend: prepend, items: items, limit: q.Limit, err: err}
	}
}

// maybeFetch asks for the next page, or a page dropped earlier, when the
// cursor nears an end of the window.
func (m *Model) maybeFetch() tea.Cmd {
	w := &m.win
	if w.fetching || len(w.rows) == 0 {
		return nil
	}
	margin := prefetch + m.visibleRows()
	switch {
	case !w.atEnd && m.nav.Cursor >= len(w.rows)-margin:
		w.fetching = true
		return m.fetch(w.rows[len(w.rows)-1].Cursor, false)
	case len(w.back) > 0 && m.nav.Cursor < margin:
		w.fetching = true
		return m.fetch(w.back[len(w.back)-1], true)
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
	visible := m.visibleRows()
	if msg.prepend {
		w.back = w.back[:len(w.back)-1]
		w.rows = append(append([]data.QuoteItem(nil), msg.items...), w.rows...)
		w.pages = append([]page{{after: msg.after, n: len(msg.items)}}, w.pages...)
		m.nav.Shift(len(msg.items), len(w.rows), visible)
		if len(w.pages) > WindowPages {
			last := w.pages[len(w.pages)-1]
			w.pages = w.pages[:len(w.pages)-1]
			w.rows = w.rows[:len(w.rows)-last.n]
			w.atEnd = false
		}
	} else {
		w.rows = append(w.rows, msg.items...)
		w.pages = append(w.pages, page{after: msg.after, n: len(msg.items)})
		w.atEnd = len(msg.items) < msg.limit
		if len(w.pages) > WindowPages {
			first := w.pages[0]
			w.pages = w.pages[1:]
			w.back = append(w.back, first.after)
			w.rows = append([]data.QuoteItem(nil), w.rows[first.n:]...)
			m.nav.Shift(-first.n, len(w.rows), visible)
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
