// Package articles is the article list pane: the store's articles newest
// first, paged through the store as the cursor moves (a window of a few
// hundred rows, never the whole store), with a read/starred filter and
// full-text search.
package articles

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

const (
	// SearchLimit is how many search hits one query reads: more are read
	// as the cursor nears the last (see search.go).
	SearchLimit = 100
)

// Model is the article list.
type Model struct {
	common  common.Common
	keys    KeyMap
	styles  Styles
	width   int
	height  int
	focused bool

	// Browsing: a window of rows from the store.
	filter data.Filter
	gen    int // bumped when the window is replaced; older pages are dropped
	win    common.Window[data.ListItem]
	nav    common.ListNav
	loaded bool // the first page has arrived
	counts data.Counts
	feed   data.Feed // when set (ID != 0), only this feed's articles

	// New articles arriving from a fetch (see arrivals.go).
	refreshing   bool // a refresh query is in flight
	refreshAgain bool // more arrived while it ran
	newAbove     int  // arrived above the rows shown, not yet seen

	// Searching.
	input        textinput.Model
	typing       bool
	query        string // the search shown; "" when browsing
	hits         []data.SearchHit
	hitNav       common.ListNav
	searchSeq    int
	asked        string // the query as the store was asked it, for more pages
	moreHits     bool   // the store holds hits beyond those read
	read         int    // rows of the search read from the store: where the next page starts
	hitsFetching bool   // a query for more hits is in flight
	searching    bool
	searchFailed bool
	openFound    bool   // enter was pressed before the hits came: open the first
	typedSeq     int    // bumped by each edit of the input, for the debounce
	before       string // the search shown when the input opened, for esc
}

// New returns an article list over the store in c.
func New(c common.Common, keys KeyMap, styles Styles) *Model {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "search titles and text"
	in.PromptStyle = styles.InputPrompt
	in.Cursor.SetMode(cursor.CursorStatic)
	in.CharLimit = 200
	if c.Flags == nil {
		c.Flags = &common.Flags{} // alone, outside the root model
	}
	return &Model{common: c, keys: keys, styles: styles, input: in}
}

// Init loads the first page.
func (m *Model) Init() tea.Cmd { return m.reload() }

// SetSize sets the inner size of the pane.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.input.Width = max(1, width-4)
	m.nav.Clamp(len(m.win.Rows), m.visibleRows())
	m.hitNav.Clamp(len(m.hits), m.visibleRows())
}

// Focus gives the pane the keyboard.
func (m *Model) Focus() { m.focused = true }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.focused = false }

// Typing reports whether the search input has the keyboard.
func (m *Model) Typing() bool { return m.typing }

// Filter is the list's current filter.
func (m *Model) Filter() data.Filter { return m.filter }

// Selected returns the selected article, if any.
func (m *Model) Selected() (data.ArticleSummary, bool) {
	if m.query != "" {
		if len(m.hits) == 0 {
			return data.ArticleSummary{}, false
		}
		return m.hits[m.hitNav.Cursor].ArticleSummary, true
	}
	if len(m.win.Rows) == 0 {
		return data.ArticleSummary{}, false
	}
	return m.win.Rows[m.nav.Cursor].ArticleSummary, true
}

// Update handles keys, mouse events and the results of the list's queries.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case pageMsg:
		return m, m.receivePage(msg)
	case searchMsg:
		return m, m.receiveSearch(msg)
	case moreHitsMsg:
		return m, m.receiveMoreHits(msg)
	case debounceMsg:
		return m, m.debounced(msg)
	case refreshMsg:
		return m, m.receiveRefresh(msg)
	case common.ArticlesArrivedMsg:
		return m, m.arrived()
	case common.FlagMsg:
		m.setFlag(msg)
		return m, nil
	case common.ArticleShownMsg:
		m.selectShown(msg.ID)
		return m, nil
	case common.CountsMsg:
		m.counts = msg.Counts
		return m, nil
	case tea.MouseMsg:
		return m, m.handleMouse(msg)
	case tea.KeyMsg:
		if m.typing {
			return m, m.handleInputKey(msg)
		}
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	visible := m.visibleRows()
	if delta, ok := k.Step(msg, visible); ok {
		return m.move(delta)
	}
	switch {
	case key.Matches(msg, k.Top):
		return m.top()
	case key.Matches(msg, k.Bottom):
		return m.bottom()
	case key.Matches(msg, k.Open):
		return m.open()
	case key.Matches(msg, k.Search):
		m.typing = true
		m.before = m.query
		m.input.SetValue(m.query)
		m.input.CursorEnd()
		return m.input.Focus()
	case key.Matches(msg, k.Clear):
		switch {
		case m.query != "":
			m.clearSearch()
		case m.feed.ID != 0:
			m.feed = data.Feed{}
			return tea.Batch(m.reload(), func() tea.Msg { return common.BackToFeedsMsg{} })
		}
		return nil
	case key.Matches(msg, k.Filter):
		m.filter = (m.filter + 1) % 3
		return m.reload()
	case key.Matches(msg, k.ToggleRead):
		if a, ok := m.Selected(); ok {
			return m.toggle(common.FlagMsg{ID: a.ID, Flag: data.FlagRead, On: !a.Read})
		}
	case key.Matches(msg, k.ToggleStar):
		if a, ok := m.Selected(); ok {
			return m.toggle(common.FlagMsg{ID: a.ID, Flag: data.FlagStarred, On: !a.Starred})
		}
	}
	return nil
}

func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	switch msg.Button {
	case tea.MouseButtonWheelDown:
		return m.move(3)
	case tea.MouseButtonWheelUp:
		return m.move(-3)
	case tea.MouseButtonLeft:
		row, ok := common.ClickedRow(msg, m.headerLines(), m.itemHeight(), m.visibleRows())
		if !ok {
			return nil
		}
		if m.query != "" {
			m.hitNav.Set(m.hitNav.Offset+row, len(m.hits), m.visibleRows())
			return m.maybeMoreHits()
		}
		m.nav.Set(m.nav.Offset+row, len(m.win.Rows), m.visibleRows())
		return m.maybeFetch()
	}
	return nil
}

func (m *Model) move(delta int) tea.Cmd {
	if m.query != "" {
		m.hitNav.Move(delta, len(m.hits), m.visibleRows())
		return m.maybeMoreHits()
	}
	m.nav.Move(delta, len(m.win.Rows), m.visibleRows())
	m.seenTop()
	return m.maybeFetch()
}

func (m *Model) top() tea.Cmd {
	if m.query != "" {
		m.hitNav.Set(0, len(m.hits), m.visibleRows())
		return nil
	}
	if m.win.AtStart {
		m.nav.Set(0, len(m.win.Rows), m.visibleRows())
		m.newAbove = 0
		return nil
	}
	return m.reload()
}

func (m *Model) bottom() tea.Cmd {
	if m.query != "" {
		m.hitNav.Set(len(m.hits)-1, len(m.hits), m.visibleRows())
		return m.maybeMoreHits()
	}
	if m.win.AtEnd {
		m.nav.Set(len(m.win.Rows)-1, len(m.win.Rows), m.visibleRows())
		return nil
	}
	m.gen++
	m.win.Fetching = true
	m.newAbove = 0
	return m.fetch(common.Last, data.ListQuery{Filter: m.filter, Last: true, Limit: common.PageSize})
}

func (m *Model) open() tea.Cmd {
	a, ok := m.Selected()
	if !ok {
		return nil
	}
	filter, feed := m.filter, m.feed.ID
	return func() tea.Msg { return common.OpenArticleMsg{ID: a.ID, Filter: filter, FeedID: feed} }
}

// selectShown selects the article the article pane shows, when it is in the
// window (it follows n and p); the window is a few hundred rows at most.
func (m *Model) selectShown(id int64) {
	if m.query != "" {
		return
	}
	for i := range m.win.Rows {
		if m.win.Rows[i].ID == id {
			m.nav.Set(i, len(m.win.Rows), m.visibleRows())
			return
		}
	}
}

// toggle shows a flag's change at once, so that the next key (s just after
// m) starts from it, and writes it.
func (m *Model) toggle(f common.FlagMsg) tea.Cmd {
	m.setFlag(f)
	return common.SetFlagCmd(m.common, f.ID, f.Flag, f.On)
}

func (m *Model) setFlag(f common.FlagMsg) {
	for i := range m.win.Rows {
		f.Apply(m.win.Rows[i].ID, &m.win.Rows[i].Read, &m.win.Rows[i].Starred)
	}
	for i := range m.hits {
		f.Apply(m.hits[i].ID, &m.hits[i].Read, &m.hits[i].Starred)
	}
}

// View shows the list, exactly the pane's size.
func (m *Model) View() string {
	var b strings.Builder
	b.WriteString(m.titleLine())
	if m.typing {
		b.WriteString("\n" + m.input.View())
	} else if m.query != "" {
		status := m.hitCount()
		if m.searching {
			status = "searching…"
		}
		b.WriteString("\n" + m.styles.Meta.Render(common.Truncate(fmt.Sprintf("“%s”: %s · %s clears", common.Line(m.query), status, common.Key(m.keys.Clear)), m.width)))
	}
	switch {
	case m.query != "":
		m.viewHits(&b)
	case !m.loaded:
		b.WriteString("\n" + m.styles.Empty.Render("Loading…"))
	case len(m.win.Rows) == 0:
		b.WriteString("\n" + m.emptyMessage())
	default:
		m.viewRows(&b)
	}
	return common.Fit(b.String(), m.width, m.height)
}

func (m *Model) titleLine() string {
	name := [...]string{"All articles", "Unread", "Starred"}[m.filter]
	n := fmt.Sprint([...]int{m.counts.Articles, m.counts.Unread, m.counts.Starred}[m.filter])
	if m.feed.ID != 0 {
		name = common.Line(m.feed.Title)
		if name == "" {
			name = common.Line(m.feed.URL)
		}
		if m.filter != data.All {
			name += " · " + [...]string{"", "unread", "starred"}[m.filter]
		}
		n = common.Key(m.keys.Clear) + ": all feeds"
	}
	if m.newAbove > 0 && !(m.win.AtStart && m.nav.Offset == 0) && m.query == "" {
		n = m.styles.New.Render(fmt.Sprintf("%d new · %s to see", m.newAbove, common.Key(m.keys.Top))) + m.styles.Meta.Render(" · "+n)
	} else {
		n = m.styles.Meta.Render(n)
	}
	return common.Spread(m.styles.Title.Render("Articles · "+name), n, m.width)
}

func (m *Model) emptyMessage() string {
	fetch, clear, filter, star := common.Key(m.common.Keys.Fetch), common.Key(m.keys.Clear), common.Key(m.keys.Filter), common.Key(m.keys.ToggleStar)
	var lines []string
	switch {
	case m.feed.ID != 0 && m.filter == data.All:
		lines = []string{"", "No articles from this feed yet.", "Press " + fetch + " to fetch, " + clear + " for all feeds."}
	case m.feed.ID != 0:
		lines = []string{"", "None of this feed's articles are " + [...]string{"", "unread", "starred"}[m.filter] + ".", "Press " + filter + " to change filter, " + clear + " for all feeds."}
	case m.filter == data.Unread:
		lines = []string{"", "No unread articles.", "Press " + filter + " to see all or starred."}
	case m.filter == data.Starred:
		lines = []string{"", "No starred articles.", "Press " + star + " on an article to star it, " + filter + " to change filter."}
	default:
		lines = []string{"", "The store is empty.", "", "Import articles with:", "  byline import PATH", "then start byline again, or subscribe with:",
			"  byline feeds add URL", "and press " + fetch + " here to fetch."}
	}
	for i, l := range lines {
		lines[i] = m.styles.Empty.Render(common.Truncate(l, m.width))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) headerLines() int {
	if m.typing || m.query != "" {
		return 2
	}
	return 1
}

func (m *Model) itemHeight() int {
	if m.query != "" {
		return 3
	}
	return 2
}

func (m *Model) visibleRows() int {
	return max(1, (m.height-m.headerLines())/m.itemHeight())
}

func (m *Model) viewRows(b *strings.Builder) {
	end := min(len(m.win.Rows), m.nav.Offset+m.visibleRows())
	for i := m.nav.Offset; i < end; i++ {
		title, meta := m.renderItem(m.win.Rows[i].ArticleSummary, i == m.nav.Cursor)
		b.WriteString("\n" + title + "\n" + meta)
	}
}

func (m *Model) viewHits(b *strings.Builder) {
	if len(m.hits) == 0 && !m.searching {
		b.WriteString("\n" + m.styles.Empty.Render("No articles match."))
		return
	}
	end := min(len(m.hits), m.hitNav.Offset+m.visibleRows())
	for i := m.hitNav.Offset; i < end; i++ {
		h := m.hits[i]
		title, meta := m.renderItem(h.ArticleSummary, i == m.hitNav.Cursor)
		b.WriteString("\n" + title + "\n" + meta + "\n    " + m.renderSnippet(h.Snippet, m.width-4))
	}
}

// renderItem renders a row's two lines: marks and title, then place,
// source, date and quote count.
func (m *Model) renderItem(a data.ArticleSummary, selected bool) (string, string) {
	pointer, titleStyle := common.RowMark(selected, m.focused, m.styles.Item, m.styles.Selected)
	unread := " "
	if !a.Read {
		unread = m.styles.Unread.Render("●")
	}
	star := " "
	if a.Starred {
		star = m.styles.Star.Render("★")
	}
	title := common.Line(a.Title)
	if title == "" {
		title = "(untitled)"
	}
	head := pointer + unread + star + " " + titleStyle.Render(common.Truncate(title, m.width-5))
	quotes := ""
	if a.QuoteCount > 0 {
		quotes = common.Plural(a.QuoteCount, "quote")
	}
	meta := common.JoinNonEmpty(" · ", common.Line(a.Place), common.Line(a.Source), common.Date(a.Published), quotes)
	return head, "     " + m.styles.Meta.Render(common.Truncate(meta, m.width-5))
}
