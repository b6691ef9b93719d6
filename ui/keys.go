package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the reader's global keys; each pane has its own.
type KeyMap struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	NextPane  key.Binding
	PrevPane  key.Binding
	Articles  key.Binding
	Article   key.Binding
	Quotes    key.Binding
	Feeds     key.Binding
	Fetch     key.Binding
}

// DefaultKeyMap returns the default global keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		NextPane:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Articles:  key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "articles")),
		Article:   key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "article")),
		Quotes:    key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "quotes")),
		Feeds:     key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "feeds")),
		Fetch:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "fetch feeds")),
	}
}

// helpKeys is the help for the focused pane followed by the global keys.
type helpKeys struct {
	pane interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
	global KeyMap
	typing bool
}

func (h helpKeys) ShortHelp() []key.Binding {
	if h.typing {
		return append([]key.Binding{h.global.ForceQuit}, h.pane.ShortHelp()...)
	}
	// The global keys come first so that a narrow screen, which cuts the
	// bar, still shows how to get the full help and how to leave.
	g := h.global
	return append([]key.Binding{g.Help, g.Quit}, append(h.pane.ShortHelp(), g.NextPane, g.Fetch)...)
}

func (h helpKeys) FullHelp() [][]key.Binding {
	if h.typing {
		return append(h.pane.FullHelp(), []key.Binding{h.global.ForceQuit})
	}
	g := h.global
	return append(h.pane.FullHelp(),
		[]key.Binding{g.NextPane, g.PrevPane, g.Articles, g.Article, g.Quotes, g.Feeds},
		[]key.Binding{g.Fetch, g.Help, g.Quit, g.ForceQuit})
}
