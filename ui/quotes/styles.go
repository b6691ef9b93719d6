package quotes

import "github.com/charmbracelet/lipgloss"

// Styles is how the quote list looks.
type Styles struct {
	Title       lipgloss.Style
	Quote       lipgloss.Style
	Selected    lipgloss.Style
	Meta        lipgloss.Style
	Speaker     lipgloss.Style
	Empty       lipgloss.Style
	Match       lipgloss.Style // a speaker offered while typing
	MatchChosen lipgloss.Style
	InputPrompt lipgloss.Style
}

// DefaultStyles returns the quote list styles made with r.
func DefaultStyles(r *lipgloss.Renderer) Styles {
	subtle := lipgloss.AdaptiveColor{Light: "#7A7A7A", Dark: "#8A8A8A"}
	accent := lipgloss.AdaptiveColor{Light: "#B5006B", Dark: "#FF5FAF"}
	return Styles{
		Title:       r.NewStyle().Bold(true),
		Quote:       r.NewStyle(),
		Selected:    r.NewStyle().Bold(true).Foreground(accent),
		Meta:        r.NewStyle().Foreground(subtle),
		Speaker:     r.NewStyle().Bold(true),
		Empty:       r.NewStyle().Foreground(subtle),
		Match:       r.NewStyle(),
		MatchChosen: r.NewStyle().Bold(true).Foreground(accent),
		InputPrompt: r.NewStyle().Bold(true),
	}
}
