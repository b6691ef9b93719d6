// Package ui is byline's terminal reader: a root model that lays out four
// panes (the article list, the article, the quotes, the feeds) and routes
// messages to them, soft-serve style. Each pane is its own package shaped
// like a bubbles component. The root also runs the background fetch (r).
package ui

import (
	"os"
	"os/exec"
	"runtime"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"byline/data"
	"byline/ui/article"
	"byline/ui/articles"
	"byline/ui/common"
	"byline/ui/feeds"
	"byline/ui/quotes"
)

// Options are chosen once, before the program runs.
type Options struct {
	Dark    bool // dark terminal background (detected by the caller before p.Run)
	NoColor bool // NO_COLOR set: no colours at all
}

// Model is the root model.
type Model struct {
	common common.Common
	keys   KeyMap
	styles Styles
	help   help.Model

	articles *articles.Model
	article  *article.Model
	quotes   *quotes.Model
	feeds    *feeds.Model

	width, height int
	focus         paneID
	list          paneID // the list shown beside the article on a wide screen
	helpShown     bool
	fullHelp      string // the full help as last drawn, while it is shown
	helpCache     helpCache
	boxes         boxes

	counts    data.Counts
	status    string
	statusErr bool
	fetch     fetchRun
	preview   preview
}

// New builds the root model over an open store.
func New(store *data.Store, opts Options) tea.Model {
	r := lipgloss.NewRenderer(os.Stdout)
	r.SetHasDarkBackground(opts.Dark)
	if opts.NoColor {
		r.SetColorProfile(termenv.Ascii)
	}
	c := common.Common{Store: store, Renderer: r, Dark: opts.Dark, NoColor: opts.NoColor, OpenURL: openURL}
	return newModel(c)
}

func newModel(c common.Common) *Model { return newModelKeys(c, DefaultKeyMap()) }

// newModelKeys builds the root model with these global keys, which the
// panes' hints name.
func newModelKeys(c common.Common, keys KeyMap) *Model {
	if c.Flags == nil {
		c.Flags = &common.Flags{} // one for all panes: it orders their writes
	}
	listKeys := articles.DefaultKeyMap()
	c.Keys = common.HintKeys{Fetch: keys.Fetch, Feeds: keys.Feeds, Open: listKeys.Open}
	m := &Model{
		common:   c,
		keys:     keys,
		styles:   DefaultStyles(c.Renderer),
		help:     help.New(),
		articles: articles.New(c, listKeys, articles.DefaultStyles(c.Renderer)),
		article:  article.New(c, article.DefaultKeyMap(), article.DefaultStyles(c.Renderer)),
		quotes:   quotes.New(c, quotes.DefaultKeyMap(), quotes.DefaultStyles(c.Renderer)),
		feeds:    feeds.New(c, feeds.DefaultKeyMap(), feeds.DefaultStyles(c.Renderer)),
		focus:    articlesPane,
		list:     articlesPane,
	}
	m.help.Styles = m.styles.Help
	m.articles.Focus()
	return m
}

// Run runs the reader on the terminal until the user quits.
func Run(store *data.Store, opts Options) error {
	// The default renderer (used inside bubbles) must not ask the terminal
	// for its background later: the answer can leak into the input.
	lipgloss.SetHasDarkBackground(opts.Dark)
	if opts.NoColor {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	m := New(store, opts)
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion())
	_, err := p.Run()
	// A fetch still running ends before the caller closes the store.
	m.(*Model).stopFetch()
	return err
}

// openURL opens a web link with the system opener, its output discarded.
// The pane checks the link first; checking again here keeps any other
// caller from handing the opener a path or a flag.
func openURL(link string) error {
	url, err := common.WebLink(link)
	if err != nil {
		return err
	}
	name := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", url).Run()
	}
	return exec.Command(name, url).Run()
}

// Init loads the first page of each list and the store's totals.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.articles.Init(), m.quotes.Init(), m.feeds.Init(), m.loadCounts())
}

func (m *Model) loadCounts() tea.Cmd {
	c := m.common
	return func() tea.Msg {
		ctx, cancel := c.Context()
		defer cancel()
		counts, err := c.Store.Counts(ctx)
		if err != nil {
			return common.ErrorStatus("counting articles", err)
		}
		return common.CountsMsg{Counts: counts}
	}
}

// pane returns a pane by id.
func (m *Model) pane(p paneID) common.Pane {
	switch p {
	case articlePane:
		return m.article
	case quotesPane:
		return m.quotes
	case feedsPane:
		return m.feeds
	}
	return m.articles
}
