package article

import "github.com/charmbracelet/lipgloss"

// Styles is how the article pane looks around Glamour's text.
type Styles struct {
	Gutter    lipgloss.Style // the bar beside the quote jumped to
	Footer    lipgloss.Style
	Position  lipgloss.Style
	Empty     lipgloss.Style
	GutterBar string
}

// DefaultStyles returns the article pane styles made with r.
func DefaultStyles(r *lipgloss.Renderer) Styles {
	subtle := lipgloss.AdaptiveColor{Light: "#7A7A7A", Dark: "#8A8A8A"}
	return Styles{
		Gutter:    r.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#B5006B", Dark: "#FF5FAF"}),
		Footer:    r.NewStyle().Foreground(subtle),
		Position:  r.NewStyle().Bold(true),
		Empty:     r.NewStyle().Foreground(subtle),
		GutterBar: "┃",
	}
}
