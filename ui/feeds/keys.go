package feeds

import (
	"github.com/charmbracelet/bubbles/key"

	"byline/ui/common"
)

// KeyMap is the feeds view's keys.
type KeyMap struct {
	common.NavKeyMap
	Open key.Binding
}

// DefaultKeyMap returns the default keys of the feeds view.
func DefaultKeyMap() KeyMap {
	k := KeyMap{
		NavKeyMap: common.DefaultNavKeyMap(common.NavHelp{Up: "up", Down: "down", Top: "first", Bottom: "last"}),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "its articles")),
	}
	return k
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
	return append(k.NavKeyMap.FullHelp(),
		[]key.Binding{k.Open},
	)
}
