package quotes

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the quote list's keys.
type KeyMap struct {
	Up, Down                 key.Binding
	Top, Bottom              key.Binding
	HalfPageDown, HalfPageUp key.Binding
	PageDown, PageUp         key.Binding
	Open                     key.Binding
	Search                   key.Binding
	Clear                    key.Binding

	// While typing a speaker's name.
	NextMatch, PrevMatch key.Binding
	Choose, Cancel       key.Binding
}

// DefaultKeyMap returns the default keys of the quote list.
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
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to quote")),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find speaker")),
		Clear:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "all speakers")),
		NextMatch:    key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next speaker")),
		PrevMatch:    key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous speaker")),
		Choose:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "list their quotes")),
		Cancel:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// ShortHelp is the help bar for the quote list.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.typing {
		return []key.Binding{k.NextMatch, k.PrevMatch, k.Choose, k.Cancel}
	}
	k.Clear.SetEnabled(m.speaker != nil)
	return []key.Binding{k.Down, k.Up, k.Open, k.Search, k.Clear}
}

// FullHelp is the full help for the quote list.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	if m.typing {
		return [][]key.Binding{{k.NextMatch, k.PrevMatch, k.Choose, k.Cancel}}
	}
	k.Clear.SetEnabled(m.speaker != nil)
	return [][]key.Binding{
		{k.Down, k.Up, k.Top, k.Bottom},
		{k.HalfPageDown, k.HalfPageUp, k.PageDown, k.PageUp},
		{k.Open, k.Search, k.Clear},
	}
}
