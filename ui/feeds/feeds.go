// Package feeds is the feeds view: the subscriptions with their title, URL,
// tags, last fetch and its error, and their unread and article counts.
// enter shows one feed's articles in the article list.
package feeds

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

// itemHeight is the lines a feed takes: title and counts; URL; tags, last
// fetch and error.
const itemHeight = 3

// Model is the feeds view.
type Model struct {
	common  common.Common
	keys    KeyMap
	styles  Styles
	width   int
	height  int
	focused bool

	feeds  []data.Feed
	nav    common.ListNav
	loaded bool
	seq    int // tags loads: an older one is dropped
}

// Msg is implemented by the results of the view's own queries; the root
// model sends every Msg to this pane, focused or not.
type Msg interface{ feedsMsg() }

type loadedMsg struct {
	seq   int
	feeds []data.Feed
	err   error
}

func (loadedMsg) feedsMsg() {}

// New returns a feeds view over the store in c.
func New(c common.Common, keys KeyMap, styles Styles) *Model {
	return &Model{common: c, keys: keys, styles: styles}
}

// Init loads the subscriptions.
func (m *Model) Init() tea.Cmd { return m.Reload() }

// Reload reads the subscriptions again (after a fetch changed them); the
// selected feed stays selected.
func (m *Model) Reload() tea.Cmd {
	m.seq++
	c, seq := m.common, m.seq
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		feeds, err := c.Store.Feeds(ctx, "")
		return loadedMsg{seq: seq, feeds: feeds, err: err}
	}
}

// SetSize sets the inner size of the pane.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.nav.Clamp(len(m.feeds), m.visibleRows())
}

// Focus gives the pane the keyboard.
func (m *Model) Focus() { m.focused = true }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.focused = false }

// Typing is always false: the view has no text input.
func (m *Model) Typing() bool { return false }

// Feeds returns the subscriptions shown.
func (m *Model) Feeds() []data.Feed { return m.feeds }

// Update handles keys, mouse events and loaded subscriptions.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.loadedFeeds(msg)
	case common.CountsMsg:
		// the totals changed (an article read or starred, new articles
		// stored): so did some feed's
		return m, m.Reload()
	case tea.MouseMsg:
		return m, tea.Batch(m.handleMouse(msg), m.SelectedError())
	case tea.KeyMsg:
		return m, tea.Batch(m.handleKey(msg), m.SelectedError())
	}
	return m, nil
}

// SelectedError puts the selected subscription's last error, whole, in the
// status line (the width of the screen): its row has room for the start
// only. The root clears the status line on a key press; the pane's
// command for the same key puts back the error of the feed then selected,
// and the root asks for it when the pane gets the focus.
func (m *Model) SelectedError() tea.Cmd {
	if !m.focused || len(m.feeds) == 0 {
		return nil
	}
	f := m.feeds[m.nav.Cursor]
	if f.LastError == "" {
		return nil
	}
	title := common.Line(f.Title)
	if title == "" {
		title = common.Line(f.URL)
	}
	text := title + ": " + common.Line(f.LastError)
	return func() tea.Msg { return common.StatusMsg{Text: text, Err: true} }
}

func (m *Model) loadedFeeds(msg loadedMsg) tea.Cmd {
	if msg.seq != m.seq {
		return nil
	}
	m.loaded = true
	if msg.err != nil {
		return func() tea.Msg { return common.ErrorStatus("listing feeds", msg.err) }
	}
	var selected int64
	if len(m.feeds) > 0 {
		selected = m.feeds[m.nav.Cursor].ID
	}
	m.feeds = msg.feeds
	for i, f := range m.feeds {
		if f.ID == selected {
			m.nav.Cursor = i
		}
	}
	m.nav.Clamp(len(m.feeds), m.visibleRows())
	return nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k, n, visible := m.keys, len(m.feeds), m.visibleRows()
	if delta, ok := k.Step(msg, visible); ok {
		m.nav.Move(delta, n, visible)
		return nil
	}
	switch {
	case key.Matches(msg, k.Top):
		m.nav.Set(0, n, visible)
	case key.Matches(msg, k.Bottom):
		m.nav.Set(n-1, n, visible)
	case key.Matches(msg, k.Open):
		if n == 0 {
			return nil
		}
		f := m.feeds[m.nav.Cursor]
		return func() tea.Msg { return common.ShowFeedMsg{Feed: f} }
	}
	return nil
}

func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	n, visible := len(m.feeds), m.visibleRows()
	switch msg.Button {
	case tea.MouseButtonWheelDown:
		m.nav.Move(1, n, visible)
	case tea.MouseButtonWheelUp:
		m.nav.Move(-1, n, visible)
	case tea.MouseButtonLeft:
		if row, ok := common.ClickedRow(msg, 1, itemHeight, visible); ok {
			m.nav.Set(m.nav.Offset+row, n, visible)
		}
	}
	return nil
}

func (m *Model) visibleRows() int { return max(1, (m.height-1)/itemHeight) }

// View shows the subscriptions, exactly the pane's size.
func (m *Model) View() string {
	var b strings.Builder
	unread := 0
	for _, f := range m.feeds {
		unread += f.Unread
	}
	b.WriteString(common.Spread(m.styles.Title.Render("Feeds · "+common.Plural(len(m.feeds), "subscription")),
		m.styles.Meta.Render(fmt.Sprintf("%d unread", unread)), m.width))
	switch {
	case !m.loaded:
		b.WriteString("\n" + m.styles.Empty.Render("Loading…"))
	case len(m.feeds) == 0:
		for _, l := range []string{"", "No subscriptions.", "", "Subscribe to a feed with:", "  byline feeds add URL", "then press " + common.Key(m.common.Keys.Fetch) + " to fetch."} {
			b.WriteString("\n" + m.styles.Empty.Render(common.Truncate(l, m.width)))
		}
	default:
		end := min(len(m.feeds), m.nav.Offset+m.visibleRows())
		for i := m.nav.Offset; i < end; i++ {
			b.WriteString("\n" + m.renderFeed(m.feeds[i], i == m.nav.Cursor))
		}
	}
	return common.Fit(b.String(), m.width, m.height)
}

// renderFeed renders a feed's three lines.
func (m *Model) renderFeed(f data.Feed, selected bool) string {
	pointer, titleStyle := common.RowMark(selected, m.focused, m.styles.Item, m.styles.Selected)
	title := common.Line(f.Title)
	if title == "" {
		title = "(untitled)"
	}
	counts := m.styles.Meta.Render(common.Plural(f.Articles, "article"))
	if f.Unread > 0 {
		counts = m.styles.Unread.Render(fmt.Sprintf("%d unread", f.Unread)) + m.styles.Meta.Render(" · ") + counts
	}
	head := common.Spread(pointer+titleStyle.Render(title), counts, m.width)
	indent, w := "    ", m.width-4
	url := indent + m.styles.Meta.Render(common.Truncate(common.Line(f.URL), w))

	fetched := "never fetched"
	switch {
	case f.LastFetch.IsZero():
	case f.LastError != "":
		// LastFetch is the last attempt: this one failed, nothing came
		fetched = "tried " + common.Ago(f.LastFetch, m.common.Clock())
	default:
		fetched = "fetched " + common.Ago(f.LastFetch, m.common.Clock())
	}
	var tags []string
	for _, t := range f.Tags {
		tags = append(tags, "#"+common.Line(t))
	}
	state := m.styles.Meta.Render(common.JoinNonEmpty(" · ", strings.Join(tags, " "), fetched))
	if f.LastError != "" {
		state += m.styles.Meta.Render(" · ") + m.styles.Error.Render("error: "+common.Line(f.LastError))
	}
	return head + "\n" + url + "\n" + indent + common.Truncate(state, w)
}
