package articles

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the article list's keys.
type KeyMap struct {
	Up, Down                 key.Binding
	Top, Bottom              key.Binding
	HalfPageDown, HalfPageUp key.Binding
	PageDown, PageUp         key.Binding
	Open                     key.Binding
	Search                   key.Binding
	Clear                    key.Binding
	ToggleRead, ToggleStar   key.Binding
	Filter                   key.Binding

	// While typing a search.
	Submit, Cancel key.Binding
}

// DefaultKeyMap returns the default keys of the article list.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:           key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "newest")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "oldest")),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search text")),
		Clear:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search")),
		ToggleRead:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "toggle read")),
		ToggleStar:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "star")),
		Filter:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "all/unread/starred")),
		Submit:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "search")),
		Cancel:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// ShortHelp is the help bar for the list.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.typing {
		return []key.Binding{k.Submit, k.Cancel}
	}
	m.clearHelp(&k)
	return []key.Binding{k.Down, k.Up, k.Open, k.Search, k.Clear, k.Filter, k.ToggleRead, k.ToggleStar}
}

// FullHelp is the full help for the list.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	if m.typing {
		return [][]key.Binding{{k.Submit, k.Cancel}}
	}
	m.clearHelp(&k)
	return [][]key.Binding{
		{k.Down, k.Up, k.Top, k.Bottom},
		{k.HalfPageDown, k.HalfPageUp, k.PageDown, k.PageUp},
		{k.Open, k.Search, k.Clear},
		{k.Filter, k.ToggleRead, k.ToggleStar},
	}
}

// clearHelp shows esc when it does something: clear the search, else
// leave the feed shown.
func (m *Model) clearHelp(k *KeyMap) {
	k.Clear.SetEnabled(m.query != "" || m.feed.ID != 0)
	if m.query == "" && m.feed.ID != 0 {
		k.Clear.SetHelp("esc", "all feeds")
	}
}
