// Package quotes is the quote pane: every attributed quote newest first,
// paged through the store, and a forgiving speaker search that shows the
// matching speakers as you type and lists the chosen speaker's quotes.
package quotes

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"byline/data"
	"byline/ui/common"
)

const (
	// MatchLimit is how many speakers are offered while typing.
	MatchLimit = 8
	itemHeight = 2
)

// Model is the quote list.
type Model struct {
	common  common.Common
	keys    KeyMap
	styles  Styles
	width   int
	height  int
	focused bool

	speaker *data.SpeakerMatch // the speaker whose quotes are listed, or nil
	gen     int
	win     common.Window[data.QuoteItem]
	nav     common.ListNav
	loaded  bool
	counts  data.Counts

	input       textinput.Model
	typing      bool
	before      *data.SpeakerMatch // the speaker listed before typing began
	matches     []data.SpeakerMatch
	matchCursor int
	matchSeq    int  // the latest speaker search asked for
	matchedSeq  int  // the latest whose matches came
	typedSeq    int  // bumped by each edit of the input, for the debounce
	typedAhead  bool // an edit not searched yet: its pause is on its way
	openNewest  bool // enter came before the matches or their quotes: open the newest when they come
}

// New returns a quote list over the store in c.
func New(c common.Common, keys KeyMap, styles Styles) *Model {
	in := textinput.New()
	in.Prompt = "speaker: "
	in.Placeholder = "name, part of a name"
	in.PromptStyle = styles.InputPrompt
	in.Cursor.SetMode(cursor.CursorStatic)
	in.CharLimit = 100
	return &Model{common: c, keys: keys, styles: styles, input: in}
}

// Init loads the newest quotes.
func (m *Model) Init() tea.Cmd { return m.reload(common.First) }

// SetSize sets the inner size of the pane.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.input.Width = max(1, width-len(m.input.Prompt)-2)
	m.nav.Clamp(len(m.win.Rows), m.visibleRows())
}

// Focus gives the pane the keyboard.
func (m *Model) Focus() { m.focused = true }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.focused = false }

// Typing reports whether the speaker input has the keyboard.
func (m *Model) Typing() bool { return m.typing }

// Selected returns the selected quote, if the list shows any.
func (m *Model) Selected() (data.QuoteItem, bool) {
	if len(m.win.Rows) == 0 {
		return data.QuoteItem{}, false
	}
	return m.win.Rows[m.nav.Cursor], true
}

// Step selects the quote delta rows from the quote with id from (from the
// selection if from is not in the window: the list was reloaded) and
// returns it, for n and p in an article opened from this list. ok is false,
// with a status saying why, at an end of the list or while the next page
// is still coming.
func (m *Model) Step(from int64, delta int) (q data.QuoteItem, ok bool, cmd tea.Cmd) {
	rows, visible := m.win.Rows, m.visibleRows()
	i := m.nav.Cursor
	for j := range rows {
		if rows[j].ID == from {
			i = j
			break
		}
	}
	next := i + delta
	switch {
	case len(rows) == 0:
		return q, false, nil
	case next < 0 && m.win.AtStart:
		return q, false, common.Status("This is the newest quote in the list.")
	case next >= len(rows) && m.win.AtEnd:
		return q, false, common.Status("This is the oldest quote in the list.")
	case next < 0 || next >= len(rows):
		m.nav.Set(i, len(rows), visible)
		return q, false, tea.Batch(common.Status("More quotes are loading: try again."), m.maybeFetch())
	}
	m.nav.Set(next, len(rows), visible)
	return rows[next], true, m.maybeFetch()
}

// Update handles keys, mouse events and the pane's results.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case pageMsg:
		return m, m.receivePage(msg)
	case debounceMsg:
		if msg.seq == m.typedSeq && m.typing && m.typedAhead {
			m.typedAhead = false
			return m, m.findSpeakers(m.input.Value())
		}
	case matchesMsg:
		if msg.seq == m.matchSeq {
			m.matchedSeq = msg.seq
			if msg.err != nil {
				m.openNewest = false
				return m, func() tea.Msg { return common.ErrorStatus("finding speakers", msg.err) }
			}
			m.matches, m.matchCursor = msg.matches, 0
			if m.openNewest && len(m.matches) == 0 {
				m.openNewest = false
				return m, common.Status("No speaker matches.")
			}
			show := m.showMatch()
			if show == nil && m.openNewest && !m.win.Fetching {
				// enter during the pause, and the speaker was already
				// shown: no page is coming to open the newest from
				m.openNewest = false
				return m, m.openNewestQuote()
			}
			return m, show
		}
	case common.CountsMsg:
		m.counts = msg.Counts
	case common.ArticlesArrivedMsg:
		// New quotes show at once only where nothing moves: at the top of
		// the list, not while typing or scrolled down (g shows them then).
		if !m.typing && m.win.AtStart && m.nav.Cursor == 0 && !m.win.Fetching {
			return m, m.reload(common.First)
		}
		m.win.AtStart = false // newer rows now exist: g reloads, going up fetches them

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

func (m *Model) handleInputKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.typing = false
		m.openNewest, m.typedAhead = false, false
		m.input.Blur()
		if m.speaker != m.before {
			m.speaker = m.before
			return m.reload(common.First)
		}
		return nil
	case key.Matches(msg, k.NextMatch):
		m.matchCursor = min(m.matchCursor+1, max(0, len(m.matches)-1))
		return m.showMatch()
	case key.Matches(msg, k.PrevMatch):
		m.matchCursor = max(m.matchCursor-1, 0)
		return m.showMatch()
	case key.Matches(msg, k.Choose):
		var find tea.Cmd
		if m.typedAhead {
			// enter before the pause: search now, for what was typed
			m.typedAhead = false
			find = m.findSpeakers(m.input.Value())
		}
		searching := m.matchedSeq != m.matchSeq
		if len(m.matches) == 0 && !searching {
			return common.Status("No speaker matches: keep typing, or " + common.Key(k.Cancel) + " to cancel.")
		}
		m.typing = false
		m.input.Blur()
		if searching || m.win.Fetching {
			m.openNewest = true // open it when the speaker's quotes come
			return find
		}
		return m.openNewestQuote()
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() == before {
		return cmd
	}
	// searched once typing pauses, as the article search is
	m.typedSeq++
	m.typedAhead = true
	return tea.Batch(cmd, m.common.Later(common.Debounce, debounceMsg{seq: m.typedSeq}))
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	visible := m.visibleRows()
	if delta, ok := k.Step(msg, visible); ok {
		return m.move(delta)
	}
	switch {
	case key.Matches(msg, k.Top):
		if m.win.AtStart {
			m.nav.Set(0, len(m.win.Rows), visible)
			return nil
		}
		return m.reload(common.First)
	case key.Matches(msg, k.Bottom):
		if m.win.AtEnd {
			m.nav.Set(len(m.win.Rows)-1, len(m.win.Rows), visible)
			return nil
		}
		return m.reload(common.Last)
	case key.Matches(msg, k.Open):
		if len(m.win.Rows) == 0 {
			return nil
		}
		q := m.win.Rows[m.nav.Cursor]
		return func() tea.Msg { return common.OpenArticleMsg{ID: q.ArticleID, QuoteID: q.ID} }
	case key.Matches(msg, k.Search):
		m.typing, m.openNewest, m.typedAhead = true, false, false
		m.before = m.speaker
		m.input.SetValue("")
		m.matches, m.matchCursor = nil, 0
		m.matchSeq++
		return m.input.Focus()
	case key.Matches(msg, k.Clear):
		if m.speaker != nil {
			m.speaker = nil
			return m.reload(common.First)
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
		row, ok := common.ClickedRow(msg, 1, itemHeight, m.visibleRows())
		if !ok || m.typing {
			return nil
		}
		m.nav.Set(m.nav.Offset+row, len(m.win.Rows), m.visibleRows())
		return m.maybeFetch()
	}
	return nil
}

func (m *Model) move(delta int) tea.Cmd {
	m.nav.Move(delta, len(m.win.Rows), m.visibleRows())
	return m.maybeFetch()
}

func (m *Model) visibleRows() int {
	return max(1, (m.height-1)/itemHeight)
}

// View shows the list, or the speaker search with its matches.
func (m *Model) View() string {
	var b strings.Builder
	b.WriteString(m.titleLine())
	switch {
	case m.typing:
		m.viewSearch(&b)
	case !m.loaded:
		b.WriteString("\n" + m.styles.Empty.Render("Loading…"))
	case len(m.win.Rows) == 0 && m.speaker == nil:
		b.WriteString("\n\n" + m.styles.Empty.Render(common.Truncate("No quotes yet: import articles with byline import PATH.", m.width)))
	case len(m.win.Rows) == 0:
		b.WriteString("\n\n" + m.styles.Empty.Render("No quotes by this speaker."))
	default:
		end := min(len(m.win.Rows), m.nav.Offset+m.visibleRows())
		for i := m.nav.Offset; i < end; i++ {
			first, second := m.renderItem(m.win.Rows[i], i == m.nav.Cursor)
			b.WriteString("\n" + first + "\n" + second)
		}
	}
	return common.Fit(b.String(), m.width, m.height)
}

func (m *Model) titleLine() string {
	title := "Quotes · all speakers"
	right := fmt.Sprintf("%d", m.counts.Quotes)
	if m.speaker != nil {
		title = "Quotes · " + common.Line(m.speaker.Name)
		right = fmt.Sprintf("%d · %s for all", m.speaker.Quotes, common.Key(m.keys.Clear))
	}
	return common.Spread(m.styles.Title.Render(title), m.styles.Meta.Render(right), m.width)
}

func (m *Model) viewSearch(b *strings.Builder) {
	b.WriteString("\n" + m.input.View())
	if strings.TrimSpace(m.input.Value()) == "" {
		// wrapped: a narrow pane cut it off mid-word
		b.WriteString("\n" + m.styles.Empty.Width(m.width).Render("Type a name: case, accents and small typos are forgiven."))
		return
	}
	if len(m.matches) == 0 {
		b.WriteString("\n" + m.styles.Empty.Render("No speaker matches."))
		return
	}
	for i, s := range m.matches {
		pointer, style := "  ", m.styles.Match
		if i == m.matchCursor {
			pointer, style = "> ", m.styles.MatchChosen
		}
		count := common.Plural(s.Quotes, "quote") + " · " + common.Plural(s.Articles, "article")
		b.WriteString("\n" + common.Spread(pointer+style.Render(common.Line(s.Name)), m.styles.Meta.Render(count), m.width))
	}
	// Below the matches, the highlighted speaker's newest quotes.
	room := (m.height - 3 - len(m.matches)) / itemHeight
	if !m.loaded || m.speaker == nil || room <= 0 {
		return
	}
	b.WriteString("\n")
	for i := 0; i < min(room, len(m.win.Rows)); i++ {
		first, second := m.renderItem(m.win.Rows[i], false)
		b.WriteString("\n" + first + "\n" + second)
	}
}

// showMatch lists the quotes of the speaker highlighted while typing, so
// the user sees what enter will open.
func (m *Model) showMatch() tea.Cmd {
	if len(m.matches) == 0 {
		return nil
	}
	chosen := m.matches[m.matchCursor]
	if m.speaker != nil && m.speaker.ID == chosen.ID {
		return nil
	}
	m.speaker = &chosen
	return m.reload(common.First)
}

// openNewestQuote opens the article of the first quote listed (the chosen
// speaker's newest), if any.
func (m *Model) openNewestQuote() tea.Cmd {
	if !m.loaded || len(m.win.Rows) == 0 {
		return nil
	}
	m.nav.Set(0, len(m.win.Rows), m.visibleRows())
	q := m.win.Rows[0]
	return func() tea.Msg { return common.OpenArticleMsg{ID: q.ArticleID, QuoteID: q.ID} }
}

// renderItem renders a quote's two lines: the quote, then speaker, role,
// article title and date.
func (m *Model) renderItem(q data.QuoteItem, selected bool) (string, string) {
	pointer, style := common.RowMark(selected, m.focused, m.styles.Quote, m.styles.Selected)
	text := "“" + common.Line(q.Text) + "”"
	first := pointer + style.Render(common.Truncate(text, m.width-2))
	who := common.Line(q.Speaker)
	if who == "" {
		who = "unattributed"
	}
	if role := common.Line(q.Role); role != "" {
		who += ", " + role
	}
	second := "  — " + m.styles.Speaker.Render(common.Truncate(who, m.width-4))
	if meta := quoteMeta(q, m.width-4-ansi.StringWidth(who)-3); meta != "" {
		second += m.styles.Meta.Render(" · " + meta)
	}
	return first, second
}

// quoteMeta is a quote's article title and date in at most width cells:
// the title is cut to keep the date, unless it would keep only a few
// letters.
func quoteMeta(q data.QuoteItem, width int) string {
	const minTitle = 8
	title, date := common.Line(q.ArticleTitle), common.Date(q.Published)
	if width <= 3 || title == "" && date == "" {
		return ""
	}
	if date != "" && title != "" && width >= ansi.StringWidth(date)+3+minTitle {
		return common.Truncate(title, width-ansi.StringWidth(date)-3) + " · " + date
	}
	return common.Truncate(common.JoinNonEmpty(" · ", title, date), width)
}
