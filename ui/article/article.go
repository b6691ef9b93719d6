// Package article is the article pane: one article rendered with Glamour in
// a command, cached per (article, width, style), shown in a viewport with a
// scroll position, its quotes in bold with their speakers.
package article

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"byline/data"
	"byline/ui/common"
)

const (
	gutterWidth = 2   // the highlight bar and a space
	maxWrap     = 100 // lines longer than this are hard to read
	cacheSize   = 32
)

// MaxWidth is the widest the pane draws: a wider pane leaves columns empty.
const MaxWidth = maxWrap + gutterWidth

// Msg is implemented by the results of the pane's own commands; the root
// model sends every Msg here, focused or not.
type Msg interface{ articleMsg() }

type loadedMsg struct {
	seq     int
	article data.Article
	err     error
}

type neighbourMsg struct {
	seq   int
	id    int64
	older bool
	err   error
}

func (loadedMsg) articleMsg()    {}
func (neighbourMsg) articleMsg() {}
func (renderedMsg) articleMsg()  {}

// Model is the article pane.
type Model struct {
	common  common.Common
	keys    KeyMap
	styles  Styles
	width   int
	height  int
	focused bool

	viewport viewport.Model
	cache    *renderCache

	scope      data.ListQuery // the list n and p follow: its filter and feed
	id         int64          // the article asked for
	previewing bool           // shown beside the list, not opened: stays unread
	target     int64          // the quote to scroll to and mark, or 0
	article    *data.Article
	loadSeq    int
	renderSeq  int
	// n and p pressed while the next article is still being looked up
	// (keys that arrive together): steps to take, older positive, once it
	// is known, each from the one before
	stepping bool
	queued   int
	chaining bool     // Open is taking the step n or p asked for
	shown    cacheKey // the rendering in the viewport
	content  rendered
	failed   string
}

// New returns an empty article pane.
func New(c common.Common, keys KeyMap, styles Styles) *Model {
	if c.Flags == nil {
		c.Flags = &common.Flags{} // alone, outside the root model
	}
	return &Model{common: c, keys: keys, styles: styles, viewport: viewport.New(0, 0), cache: newRenderCache(cacheSize)}
}

// Init does nothing: the pane waits for an article.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize sets the inner size of the pane; Resized then asks for a
// rendering at the new width if it is not cached.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.viewport.Width = max(0, width-gutterWidth)
	m.viewport.Height = max(1, height-1) // the footer
}

// Focus gives the pane the keyboard.
func (m *Model) Focus() { m.focused = true }

// Blur takes the keyboard away.
func (m *Model) Blur() { m.focused = false }

// Typing is false: the pane has no text input.
func (m *Model) Typing() bool { return false }

// ArticleID is the article shown or loading, or 0.
func (m *Model) ArticleID() int64 { return m.id }

// Target is the quote the article was opened at, or 0.
func (m *Model) Target() int64 { return m.target }

// Open loads an article, to be scrolled to quoteID when it is not 0, and
// marks it read. An article opened at a quote came from the quotes list: n
// and p then walk that list, else the articles list in scope.
func (m *Model) Open(id, quoteID int64, scope data.ListQuery) tea.Cmd {
	m.previewing = false
	return m.load(id, quoteID, scope)
}

// Preview loads an article to show beside the list while the user moves
// through it, scrolled to quoteID when it is not 0: like Open, but it
// leaves the article unread.
func (m *Model) Preview(id, quoteID int64, scope data.ListQuery) tea.Cmd {
	m.previewing = true
	return m.load(id, quoteID, scope)
}

func (m *Model) load(id, quoteID int64, scope data.ListQuery) tea.Cmd {
	if !m.chaining {
		// another article than n or p asked for: forget their steps
		m.stepping, m.queued = false, 0
	}
	m.id, m.target, m.scope = id, quoteID, scope
	m.loadSeq++
	m.failed = ""
	c, seq := m.common, m.loadSeq
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		a, err := c.Store.Article(ctx, id)
		return loadedMsg{seq: seq, article: a, err: err}
	}
}

// Resized re-renders the article for the pane's current width; the root
// calls it after SetSize.
func (m *Model) Resized() tea.Cmd { return m.render() }

func (m *Model) wrapWidth() int {
	return max(10, min(maxWrap, m.width-gutterWidth))
}

// render shows the article from the cache, or asks for a rendering.
func (m *Model) render() tea.Cmd {
	if m.article == nil || m.width <= 0 {
		return nil
	}
	k := cacheKey{id: m.article.ID, width: m.wrapWidth(), style: m.common.GlamourStyle()}
	if k == m.shown {
		return nil
	}
	if r, ok := m.cache.get(k); ok {
		m.show(k, r)
		return nil
	}
	m.renderSeq++
	return renderCmd(k, m.renderSeq, *m.article)
}

// show puts a rendering in the viewport, keeping the reader's place when
// only the width changed, else at the target quote or the top.
func (m *Model) show(k cacheKey, r rendered) {
	sameArticle := m.shown.id == k.id && len(m.content.lines) > 0
	percent := m.viewport.ScrollPercent()
	m.shown, m.content = k, r
	m.viewport.SetContent(strings.Join(r.lines, "\n"))
	switch span, ok := r.quoteLines[m.target]; {
	case m.target != 0 && ok:
		m.viewport.SetYOffset(max(0, span.first-2))
	case sameArticle:
		m.viewport.SetYOffset(int(percent * float64(max(0, len(r.lines)-m.viewport.Height))))
	default:
		m.viewport.GotoTop()
	}
}

// Update handles keys, mouse events and the pane's results.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.loaded(msg)
	case renderedMsg:
		return m, m.rendered(msg)
	case neighbourMsg:
		if msg.seq != m.loadSeq {
			return m, nil
		}
		switch {
		case msg.err != nil:
			m.stepping, m.queued = false, 0
			return m, statusCmd(common.ErrorStatus("finding the next article", msg.err))
		case msg.id == 0 && msg.older:
			m.stepping, m.queued = false, 0
			return m, common.Status("This is the oldest article.")
		case msg.id == 0:
			m.stepping, m.queued = false, 0
			return m, common.Status("This is the newest article.")
		}
		m.chaining = true
		open := m.Open(msg.id, 0, m.scope)
		m.chaining, m.stepping = false, false
		if m.queued != 0 {
			older := m.queued > 0
			if older {
				m.queued--
			} else {
				m.queued++
			}
			return m, tea.Batch(open, m.neighbour(older))
		}
		return m, open
	case common.FlagMsg:
		if m.article != nil {
			msg.Apply(m.article.ID, &m.article.Read, &m.article.Starred)
		}
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelDown:
			m.viewport.ScrollDown(3)
		case tea.MouseButtonWheelUp:
			m.viewport.ScrollUp(3)
		}
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if msg.seq != m.loadSeq {
		return nil
	}
	if msg.err != nil {
		m.failed = "Could not load the article."
		if errors.Is(msg.err, data.ErrNotFound) {
			m.failed = "This article is no longer in the store."
		}
		return statusCmd(common.ErrorStatus("loading the article", msg.err))
	}
	a := msg.article
	var cmds []tea.Cmd
	if !a.Read && !m.previewing {
		a.Read = true
		cmds = append(cmds, common.SetFlagCmd(m.common, a.ID, data.FlagRead, true))
	}
	m.article = &a
	if !m.previewing {
		// (a preview shows what a list selected: the articles list must
		// not jump to the article of a quote previewed beside the quotes)
		cmds = append(cmds, func() tea.Msg { return common.ArticleShownMsg{ID: a.ID} })
	}
	m.shown = cacheKey{}
	m.content = rendered{}
	m.viewport.SetContent("")
	cmds = append(cmds, m.render())
	return tea.Batch(cmds...)
}

func (m *Model) rendered(msg renderedMsg) tea.Cmd {
	if msg.err != nil {
		if msg.seq == m.renderSeq {
			m.failed = "Could not render the article."
			return statusCmd(common.ErrorStatus("rendering the article", msg.err))
		}
		return nil
	}
	m.cache.put(msg.key, msg.result)
	if m.article != nil && msg.seq == m.renderSeq && msg.key.id == m.article.ID && msg.key.id == m.id && msg.key.width == m.wrapWidth() {
		m.show(msg.key, msg.result)
	}
	return nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k, vp := m.keyMap(), &m.viewport
	switch {
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.HalfPageDown):
		vp.HalfPageDown()
	case key.Matches(msg, k.HalfPageUp):
		vp.HalfPageUp()
	case key.Matches(msg, k.PageDown):
		vp.PageDown()
	case key.Matches(msg, k.PageUp):
		vp.PageUp()
	case key.Matches(msg, k.Top):
		vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		vp.GotoBottom()
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return common.BackMsg{} }
	case key.Matches(msg, k.Next):
		return m.neighbour(true)
	case key.Matches(msg, k.Prev):
		return m.neighbour(false)
	case key.Matches(msg, k.NextQuote):
		return m.stepQuote(1)
	case key.Matches(msg, k.PrevQuote):
		return m.stepQuote(-1)
	case key.Matches(msg, k.OpenURL):
		return m.openURL()
	case key.Matches(msg, k.ToggleRead):
		if a := m.article; a != nil {
			return m.toggle(common.FlagMsg{ID: a.ID, Flag: data.FlagRead, On: !a.Read})
		}
	case key.Matches(msg, k.ToggleStar):
		if a := m.article; a != nil {
			return m.toggle(common.FlagMsg{ID: a.ID, Flag: data.FlagStarred, On: !a.Starred})
		}
	}
	return nil
}

// toggle shows a flag's change at once, so that the next key starts from
// it, and writes it.
func (m *Model) toggle(f common.FlagMsg) tea.Cmd {
	f.Apply(m.article.ID, &m.article.Read, &m.article.Starred)
	return common.SetFlagCmd(m.common, f.ID, f.Flag, f.On)
}

func (m *Model) neighbour(older bool) tea.Cmd {
	if m.article == nil {
		return nil
	}
	if m.stepping {
		if older {
			m.queued++
		} else {
			m.queued--
		}
		return nil
	}
	m.stepping = true
	c, id, scope, seq := m.common, m.id, m.scope, m.loadSeq
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		next, err := c.Store.Neighbour(ctx, id, scope, older)
		return neighbourMsg{seq: seq, id: next, older: older, err: err}
	}
}

// stepQuote asks the root for the quote delta rows from the one shown in
// the quotes list: the list moves to it, and its article opens at it.
func (m *Model) stepQuote(delta int) tea.Cmd {
	return func() tea.Msg { return common.StepQuoteMsg{Delta: delta} }
}

func (m *Model) openURL() tea.Cmd {
	if m.article == nil {
		return nil
	}
	if m.article.URL == "" {
		return common.Status("This article has no link to open.")
	}
	url, err := common.WebLink(m.article.URL)
	if err != nil {
		// the reason first: a long link is what the status line cuts
		text := fmt.Sprintf("Not opening the link: %v (%q)", err, common.Line(m.article.URL))
		return statusCmd(common.StatusMsg{Text: text, Err: true})
	}
	open := m.common.OpenURL
	return func() tea.Msg {
		if open == nil {
			return common.StatusMsg{Text: "No way to open links here.", Err: true}
		}
		if err := open(url); err != nil {
			return common.StatusMsg{Text: fmt.Sprintf("Could not open the link (%v): %s", err, common.Line(url)), Err: true}
		}
		return common.StatusMsg{Text: "Opened " + common.Line(url)}
	}
}

func statusCmd(s common.StatusMsg) tea.Cmd {
	return func() tea.Msg { return s }
}

// View shows the visible lines with the target quote marked in the gutter,
// and a footer with the scroll position.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var body string
	switch {
	case m.failed != "":
		body = m.styles.Empty.Render(m.failed)
	case m.id == 0:
		body = m.styles.Empty.Render("Select an article and press " + common.Key(m.common.Keys.Open) + " to read it.")
	case len(m.content.lines) == 0:
		body = m.styles.Empty.Render("Loading…")
	default:
		body = m.visibleLines()
	}
	body = common.Fit(body, m.width, m.height-1)
	return body + "\n" + m.footer()
}

func (m *Model) visibleLines() string {
	span, marked := m.content.quoteLines[m.target]
	marked = marked && m.target != 0
	first := m.viewport.YOffset
	last := min(len(m.content.lines), first+m.viewport.Height)
	var b strings.Builder
	for i := first; i < last; i++ {
		if i > first {
			b.WriteByte('\n')
		}
		if marked && i >= span.first && i <= span.last {
			b.WriteString(m.styles.Gutter.Render(m.styles.GutterBar) + " ")
		} else {
			b.WriteString("  ")
		}
		b.WriteString(m.content.lines[i])
	}
	return b.String()
}

func (m *Model) footer() string {
	if m.article == nil || len(m.content.lines) == 0 {
		return ""
	}
	pos := position(m.viewport.YOffset, m.viewport.Height, len(m.content.lines))
	flags := ""
	if m.article.Starred {
		flags = "★ "
	}
	return common.Spread(m.styles.Footer.Render(flags+common.Line(m.article.Title)), m.styles.Position.Render(pos), m.width)
}

// position says which lines of total are shown from first (0-based),
// height at a time, as a pager does: the range, then "top", "end", "all"
// or how far through the scroll it is ("1–34/55 top", "12–45/55 52%").
// The last line shown alone read as a count (review: "34/55   0%").
func position(first, height, total int) string {
	last := min(total, first+height)
	where := ""
	switch {
	case first == 0 && last >= total:
		where = "all"
	case first == 0:
		where = "top"
	case last >= total:
		where = "end"
	default:
		// never 0% or 100% between the ends, which have their words
		where = fmt.Sprintf("%d%%", max(1, min(99, first*100/(total-height))))
	}
	return fmt.Sprintf("%d–%d/%d %s", min(first+1, total), last, total, where)
}
