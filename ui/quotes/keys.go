package quotes

import (
	"github.com/charmbracelet/bubbles/key"

	"byline/ui/common"
)

// KeyMap is the quote list's keys.
type KeyMap struct {
	common.NavKeyMap
	Open   key.Binding
	Search key.Binding
	Clear  key.Binding

	// While typing a speaker's name.
	NextMatch, PrevMatch key.Binding
	Choose, Cancel       key.Binding
}

// DefaultKeyMap returns the default keys of the quote list.
func DefaultKeyMap() KeyMap {
	k := KeyMap{
		NavKeyMap: common.DefaultNavKeyMap(common.NavHelp{Up: "up", Down: "down", Top: "newest", Bottom: "oldest"}),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to quote")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find speaker")),
		Clear:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "all speakers")),
		NextMatch: key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next speaker")),
		PrevMatch: key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous speaker")),
		Choose:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open their newest quote")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
	return k
}

// ShortHelp is the help bar for the quote list.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.typing {
		// enter and esc first: a narrow bar keeps the keys that end it
		return []key.Binding{k.Choose, k.Cancel, k.NextMatch, k.PrevMatch}
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
	return append(k.NavKeyMap.FullHelp(),
		[]key.Binding{k.Open, k.Search, k.Clear},
	)
}
