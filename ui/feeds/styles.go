package feeds

import "github.com/charmbracelet/lipgloss"

// Styles is how the feeds view looks.
type Styles struct {
	Title    lipgloss.Style // the pane's title line
	Item     lipgloss.Style // a feed's title
	Selected lipgloss.Style // the selected feed's title
	Meta     lipgloss.Style // URL, tags, last fetch, counts
	Unread   lipgloss.Style // the unread count
	Error    lipgloss.Style // the last fetch's error
	Empty    lipgloss.Style
}

// DefaultStyles returns the feeds view's styles made with r.
func DefaultStyles(r *lipgloss.Renderer) Styles {
	subtle := lipgloss.AdaptiveColor{Light: "#7A7A7A", Dark: "#8A8A8A"}
	accent := lipgloss.AdaptiveColor{Light: "#B5006B", Dark: "#FF5FAF"}
	return Styles{
		Title:    r.NewStyle().Bold(true),
		Item:     r.NewStyle(),
		Selected: r.NewStyle().Bold(true).Foreground(accent),
		Meta:     r.NewStyle().Foreground(subtle),
		Unread:   r.NewStyle().Foreground(accent),
		Error:    r.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#D70000", Dark: "#FF5F5F"}),
		Empty:    r.NewStyle().Foreground(subtle),
	}
}
