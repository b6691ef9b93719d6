package articles

import (
	"github.com/charmbracelet/bubbles/key"

	"byline/ui/common"
)

// KeyMap is the article list's keys.
type KeyMap struct {
	common.NavKeyMap
	Open                   key.Binding
	Search                 key.Binding
	Clear                  key.Binding
	ToggleRead, ToggleStar key.Binding
	Filter                 key.Binding

	// While typing a search.
	Submit, Cancel   key.Binding
	NextHit, PrevHit key.Binding
}

// DefaultKeyMap returns the default keys of the article list.
func DefaultKeyMap() KeyMap {
	k := KeyMap{
		NavKeyMap:  common.DefaultNavKeyMap(common.NavHelp{Up: "up", Down: "down", Top: "newest", Bottom: "oldest"}),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Search:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search text")),
		Clear:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search")),
		ToggleRead: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "toggle read")),
		ToggleStar: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "star")),
		Filter:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "all/unread/starred")),
		Submit:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open the hit")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		NextHit:    key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next hit")),
		PrevHit:    key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous hit")),
	}
	return k
}

// ShortHelp is the help bar for the list.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.typing {
		// enter and esc first: a narrow bar keeps the keys that end it
		return []key.Binding{k.Submit, k.Cancel, k.NextHit, k.PrevHit}
	}
	m.clearHelp(&k)
	return []key.Binding{k.Down, k.Up, k.Open, k.Search, k.Clear, k.Filter, k.ToggleRead, k.ToggleStar}
}

// FullHelp is the full help for the list.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	if m.typing {
		return [][]key.Binding{{k.NextHit, k.PrevHit, k.Submit, k.Cancel}}
	}
	m.clearHelp(&k)
	return append(k.NavKeyMap.FullHelp(),
		[]key.Binding{k.Open, k.Search, k.Clear},
		[]key.Binding{k.Filter, k.ToggleRead, k.ToggleStar},
	)
}

// clearHelp shows esc when it does something: clear the search, else
// leave the feed shown.
func (m *Model) clearHelp(k *KeyMap) {
	k.Clear.SetEnabled(m.query != "" || m.feed.ID != 0)
	if m.query == "" && m.feed.ID != 0 {
		k.Clear.SetHelp("esc", "all feeds")
	}
}
