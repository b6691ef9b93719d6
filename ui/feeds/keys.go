package feeds

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the feeds view's keys.
type KeyMap struct {
	Up, Down                 key.Binding
	Top, Bottom              key.Binding
	HalfPageDown, HalfPageUp key.Binding
	PageDown, PageUp         key.Binding
	Open                     key.Binding
}

// DefaultKeyMap returns the default keys of the feeds view.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:           key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "its articles")),
	}
}

// ShortHelp is the help bar for the feeds view.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	k.Open.SetEnabled(len(m.feeds) > 0)
	return []key.Binding{k.Down, k.Up, k.Open}
}

// FullHelp is the full help for the feeds view.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	k.Open.SetEnabled(len(m.feeds) > 0)
	return [][]key.Binding{
		{k.Down, k.Up, k.Top, k.Bottom},
		{k.HalfPageDown, k.HalfPageUp, k.PageDown, k.PageUp},
		{k.Open},
	}
}
