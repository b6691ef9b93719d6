package article

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the article pane's keys.
type KeyMap struct {
	Up, Down                 key.Binding
	Top, Bottom              key.Binding
	HalfPageDown, HalfPageUp key.Binding
	PageDown, PageUp         key.Binding
	Next, Prev               key.Binding
	OpenURL                  key.Binding
	Back                     key.Binding
	ToggleRead, ToggleStar   key.Binding
}

// DefaultKeyMap returns the default keys of the article pane.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:           key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "scroll up")),
		Down:         key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "scroll down")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn", "page down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		Next:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next (older)")),
		Prev:         key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "previous (newer)")),
		OpenURL:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open link")),
		Back:         key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		ToggleRead:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "toggle read")),
		ToggleStar:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "star")),
	}
}

// ShortHelp is the help bar for the article pane.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	return []key.Binding{k.Down, k.Up, k.Next, k.Prev, k.OpenURL, k.Back}
}

// FullHelp is the full help for the article pane.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Down, k.Up, k.Top, k.Bottom},
		{k.HalfPageDown, k.HalfPageUp, k.PageDown, k.PageUp},
		{k.Next, k.Prev, k.OpenURL, k.Back},
		{k.ToggleRead, k.ToggleStar},
	}
}
