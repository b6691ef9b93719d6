package article

import (
	"github.com/charmbracelet/bubbles/key"

	"byline/ui/common"
)

// KeyMap is the article pane's keys.
type KeyMap struct {
	common.NavKeyMap
	Next, Prev             key.Binding
	OpenURL                key.Binding
	Back                   key.Binding
	ToggleRead, ToggleStar key.Binding
}

// DefaultKeyMap returns the default keys of the article pane.
func DefaultKeyMap() KeyMap {
	k := KeyMap{
		NavKeyMap:  common.DefaultNavKeyMap(common.NavHelp{Up: "scroll up", Down: "scroll down", Top: "top", Bottom: "bottom"}),
		Next:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next (older)")),
		Prev:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "previous (newer)")),
		OpenURL:    key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open link")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		ToggleRead: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "toggle read")),
		ToggleStar: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "star")),
	}
	k.PageDown.SetKeys("pgdown", " ") // space pages, as in a pager
	k.PageDown.SetHelp("pgdn/space", "page down")
	return k
}

// ShortHelp is the help bar for the article pane.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	return []key.Binding{k.Down, k.Up, k.Next, k.Prev, k.OpenURL, k.Back}
}

// FullHelp is the full help for the article pane.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return append(k.NavKeyMap.FullHelp(),
		[]key.Binding{k.Next, k.Prev, k.OpenURL, k.Back},
		[]key.Binding{k.ToggleRead, k.ToggleStar},
	)
}
