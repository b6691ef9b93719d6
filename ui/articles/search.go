package articles

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

type searchMsg struct {
	seq   int
	query string
	hits  []data.SearchHit
	err   error
}

// debounceMsg fires common.Debounce after an edit of the search input; only the
// one for the last edit searches.
type debounceMsg struct{ seq int }

// moreHitsMsg is a page of a search further down: SearchLimit hits and
// one more, which says more exist.
type moreHitsMsg struct {
	seq  int
	hits []data.SearchHit
	err  error
}

func (searchMsg) articlesMsg()   {}
func (debounceMsg) articlesMsg() {}
func (moreHitsMsg) articlesMsg() {}

// handleInputKey edits the search: results follow the text as it is typed
// (debounced); enter opens the selected hit, as a picker does (the hits stay
// listed behind it), once they are there; esc restores the search there
// was before.
func (m *Model) handleInputKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.typing = false
		m.openFound = false
		m.input.Blur()
		if m.before == "" {
			m.clearSearch()
			return nil
		}
		if m.before != m.query {
			return m.search(m.before, false)
		}
		return nil
	case key.Matches(msg, m.keys.NextHit):
		m.hitNav.Move(1, len(m.hits), m.visibleRows())
		return m.maybeMoreHits() // (as scrolling the hits does)
	case key.Matches(msg, m.keys.PrevHit):
		m.hitNav.Move(-1, len(m.hits), m.visibleRows())
		return nil
	case key.Matches(msg, m.keys.Submit):
		m.typing = false
		m.input.Blur()
		q := strings.TrimSpace(m.input.Value())
		if q == "" {
			m.clearSearch()
			return nil
		}
		if q == m.query && !m.searchFailed {
			if m.searching {
				m.openFound = true // on its way: open it when it comes
				return nil
			}
			return m.open()
		}
		m.openFound = true
		return m.search(q, true)
	}
	old := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() == old {
		return cmd
	}
	m.typedSeq++
	seq := m.typedSeq
	return tea.Batch(cmd, m.common.Later(common.Debounce, debounceMsg{seq: seq}))
}

// debounced searches for the input's text once typing has paused.
func (m *Model) debounced(msg debounceMsg) tea.Cmd {
	if msg.seq != m.typedSeq || !m.typing {
		return nil
	}
	q := strings.TrimSpace(m.input.Value())
	switch {
	case q == m.query:
		return nil
	case q == "":
		m.query, m.hits, m.hitNav, m.searching = "", nil, common.ListNav{}, false
		m.searchSeq++
		return nil
	}
	return m.search(q, false)
}

func (m *Model) clearSearch() {
	m.query = ""
	m.hits = nil
	m.hitNav = common.ListNav{}
	m.searchSeq++
	m.searching = false
	m.moreHits, m.hitsFetching = false, false
	m.input.SetValue("")
}

// search runs a full-text search in a command, tagged so that an older
// search's result is dropped. fresh clears the hits shown; a search typed
// letter by letter keeps them until the new ones come. The last word is
// taken as a prefix, since results follow the typing: "shell" finds
// "shelling" as it is typed, and enter keeps what is shown.
func (m *Model) search(query string, fresh bool) tea.Cmd {
	m.searchSeq++
	m.query = query
	asked := query
	if r, _ := utf8.DecodeLastRuneInString(query); unicode.IsLetter(r) || unicode.IsDigit(r) {
		asked += "*"
	}
	if fresh {
		m.hits = nil
		m.hitNav = common.ListNav{}
	}
	m.searching = true
	m.asked, m.moreHits, m.hitsFetching = asked, false, false
	c, seq := m.common, m.searchSeq
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		// one more than shown: if it comes, there are more
		hits, err := c.Store.Search(ctx, asked, SearchLimit+1)
		return searchMsg{seq: seq, query: query, hits: hits, err: err}
	}
}

func (m *Model) receiveSearch(msg searchMsg) tea.Cmd {
	if msg.seq != m.searchSeq {
		return nil
	}
	m.searching = false
	m.searchFailed = msg.err != nil
	if msg.err != nil {
		m.hits = nil
		return func() tea.Msg { return common.ErrorStatus("searching", msg.err) }
	}
	m.hits = msg.hits
	if m.moreHits = len(m.hits) > SearchLimit; m.moreHits {
		m.hits = m.hits[:SearchLimit]
	}
	m.read = len(m.hits)
	m.hitNav = common.ListNav{}
	m.hitNav.Clamp(len(m.hits), m.visibleRows())
	if m.openFound && !m.typing {
		m.openFound = false
		if len(m.hits) == 0 {
			return common.Status("No articles match.")
		}
		return m.open()
	}
	return nil
}

// hitCount says how many hits there are: "100+ hits" while more are
// still in the store.
func (m *Model) hitCount() string {
	if m.moreHits {
		return common.Thousands(len(m.hits)) + "+ hits"
	}
	return common.Plural(len(m.hits), "hit")
}

// maybeMoreHits reads the next page of hits when the cursor nears the last
// read: the store ranks every match again (no keyset on rank) and makes
// snippets for the page only.
func (m *Model) maybeMoreHits() tea.Cmd {
	if !m.moreHits || m.hitsFetching || m.searching || m.hitNav.Cursor < len(m.hits)-common.Prefetch-m.visibleRows() {
		return nil
	}
	m.hitsFetching = true
	c, seq, query, from := m.common, m.searchSeq, m.asked, m.read
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		hits, err := c.Store.SearchFrom(ctx, query, from, SearchLimit+1)
		return moreHitsMsg{seq: seq, hits: hits, err: err}
	}
}

// receiveMoreHits adds the page's hits not shown yet, in rank order; hits
// already shown keep their place (and their flags, which may have changed
// since). Pages go on from the rows read, not from the hits shown: articles
// that arrived since the search rank in among the pages read, push hits
// already shown down into the next page, and would otherwise fill page
// after page with nothing new.
func (m *Model) receiveMoreHits(msg moreHitsMsg) tea.Cmd {
	if msg.seq != m.searchSeq {
		return nil
	}
	m.hitsFetching = false
	if msg.err != nil {
		return func() tea.Msg { return common.ErrorStatus("reading more hits", msg.err) }
	}
	m.moreHits = len(msg.hits) > SearchLimit
	hits := msg.hits[:min(len(msg.hits), SearchLimit)]
	m.read += len(hits)
	shown := make(map[int64]bool, len(m.hits))
	for _, h := range m.hits {
		shown[h.ID] = true
	}
	for _, h := range hits {
		if !shown[h.ID] {
			m.hits = append(m.hits, h)
		}
	}
	m.hitNav.Clamp(len(m.hits), m.visibleRows())
	return m.maybeMoreHits()
}

// SearchCount is how many searches the list has started (for tests of the
// debounce).
func (m *Model) SearchCount() int { return m.searchSeq }
