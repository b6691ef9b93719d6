package common

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// NavKeyMap is the movement keys every pane shares: the lists and the
// article pager embed it in their KeyMaps.
type NavKeyMap struct {
	Up, Down                 key.Binding
	Top, Bottom              key.Binding
	HalfPageDown, HalfPageUp key.Binding
	PageDown, PageUp         key.Binding
}

// NavHelp says what the movement keys do in one pane, for its help
// ("up" in a list, "scroll up" in the article; "newest" or "top").
type NavHelp struct {
	Up, Down, Top, Bottom string
}

// DefaultNavKeyMap returns the movement keys with this pane's help.
func DefaultNavKeyMap(h NavHelp) NavKeyMap {
	return NavKeyMap{
		Up:           key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", h.Up)),
		Down:         key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", h.Down)),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", h.Top)),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", h.Bottom)),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
	}
}

// Step is the move a key asks for in a pane showing visible rows: a row,
// half a page or a page, down (positive) or up. ok is false for any other
// key (Top and Bottom too: what they do depends on the pane).
func (k NavKeyMap) Step(msg tea.KeyMsg, visible int) (delta int, ok bool) {
	half := max(1, visible/2)
	page := max(1, visible)
	switch {
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.HalfPageDown):
		return half, true
	case key.Matches(msg, k.HalfPageUp):
		return -half, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	}
	return 0, false
}

// FullHelp is the movement keys' rows of a pane's full help.
func (k NavKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.Top, k.Bottom},
		{k.HalfPageDown, k.HalfPageUp, k.PageDown, k.PageUp},
	}
}
