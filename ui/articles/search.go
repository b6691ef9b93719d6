package articles

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

// Debounce is how long the search input waits after a key before it
// searches: typing fast runs one search, not one per letter.
const Debounce = 150 * time.Millisecond

type searchMsg struct {
	seq   int
	query string
	hits  []data.SearchHit
	err   error
}

// debounceMsg fires Debounce after an edit of the search input; only the
// one for the last edit searches.
type debounceMsg struct{ seq int }

func (searchMsg) articlesMsg()   {}
func (debounceMsg) articlesMsg() {}

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
		return nil
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
	return tea.Batch(cmd, m.common.Later(Debounce, debounceMsg{seq: seq}))
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
	c, seq := m.common, m.searchSeq
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		hits, err := c.Store.Search(ctx, asked, SearchLimit)
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

// SearchCount is how many searches the list has started (for tests of the
// debounce).
func (m *Model) SearchCount() int { return m.searchSeq }
