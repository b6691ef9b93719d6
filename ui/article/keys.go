package article

import (
	"github.com/charmbracelet/bubbles/key"

	"byline/ui/common"
)

// KeyMap is the article pane's keys.
type KeyMap struct {
	common.NavKeyMap
	Next, Prev             key.Binding // the articles list's next and previous
	NextQuote, PrevQuote   key.Binding // the quotes list's, for an article opened at a quote
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
		NextQuote:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next quote")),
		PrevQuote:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "previous quote")),
		OpenURL:    key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open link")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		ToggleRead: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "toggle read")),
		ToggleStar: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "star")),
	}
	k.PageDown.SetKeys("pgdown", " ") // space pages, as in a pager
	k.PageDown.SetHelp("pgdn/space", "page down")
	return k
}

// keyMap is the keys as they act now: n and p walk the quotes list when the
// article was opened at a quote (from that list), else the articles list.
// Only the pair that acts is enabled, so the help says which.
func (m *Model) keyMap() KeyMap {
	k := m.keys
	byQuote := m.target != 0
	k.Next.SetEnabled(!byQuote)
	k.Prev.SetEnabled(!byQuote)
	k.NextQuote.SetEnabled(byQuote)
	k.PrevQuote.SetEnabled(byQuote)
	return k
}

// ShortHelp is the help bar for the article pane.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keyMap()
	return []key.Binding{k.Down, k.Up, k.Next, k.Prev, k.NextQuote, k.PrevQuote, k.OpenURL, k.Back}
}

// FullHelp is the full help for the article pane.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keyMap()
	return append(k.NavKeyMap.FullHelp(),
		[]key.Binding{k.Next, k.Prev, k.NextQuote, k.PrevQuote, k.OpenURL, k.Back},
		[]key.Binding{k.ToggleRead, k.ToggleStar},
	)
}
